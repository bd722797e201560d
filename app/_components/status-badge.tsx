const TONES: Record<string, string> = {
  SUCCEEDED: 'badge-success',
  READY: 'badge-success',
  ACCEPTED: 'badge-success',
  SUCCESS: 'badge-success',
  EDITED: 'badge-info',
  RUNNING: 'badge-info',
  PROCESSING: 'badge-info',
  QUEUED: 'badge-warning',
  UPLOADED: 'badge-warning',
  PROPOSED: 'badge-warning',
  FAILED: 'badge-danger',
  REJECTED: 'badge-danger',
  DENIED: 'badge-danger',
  ERROR: 'badge-danger',
};

/** A status word as a coloured badge (the word itself carries the meaning; colour only helps). */
export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge ${TONES[status] ?? ''}`}>{status.charAt(0) + status.slice(1).toLowerCase()}</span>
  );
}
