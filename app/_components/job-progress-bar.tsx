import { formatPercent } from '../_lib/format';
import type { JobStatus } from '../_lib/job-stream';

export function JobProgressBar({
  progress,
  status,
  label,
}: {
  progress: number;
  status: JobStatus;
  label: string;
}) {
  const pct = Math.round(Math.max(0, Math.min(1, progress)) * 100);
  return (
    <div className="progress-cell">
      <div
        className="progress"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${pct}%, ${status.toLowerCase()}`}
      >
        <div className="progress-fill" data-status={status} style={{ width: `${pct}%` }} />
      </div>
      <span className="num muted">{formatPercent(progress)}</span>
    </div>
  );
}
