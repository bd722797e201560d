'use client';
/** A document's processing state as it changes: queued, OCR page 2/5, extracting, ready or failed. */
import type { DocumentProgress } from '../_lib/document-progress';
import { JobProgressBar } from './job-progress-bar';
import { StatusBadge } from './status-badge';

export function DocumentStatusLive({ progress, label }: { progress: DocumentProgress; label: string }) {
  const { documentStatus, jobStatus, message, error } = progress;
  const text =
    documentStatus === 'READY'
      ? `Ready — ${progress.findingCount} findings`
      : documentStatus === 'FAILED'
        ? 'Failed'
        : jobStatus === 'QUEUED' || !jobStatus
          ? 'Queued'
          : (message ?? 'Processing');
  return (
    <div className="doc-live" data-status={documentStatus}>
      <div className="doc-live-line">
        <StatusBadge status={documentStatus === 'UPLOADED' ? 'QUEUED' : documentStatus} />
        <span className="doc-live-message" data-testid="processing-message">
          {text}
        </span>
      </div>
      {documentStatus !== 'READY' && documentStatus !== 'FAILED' && (
        <JobProgressBar
          progress={progress.progress}
          status={jobStatus ?? 'QUEUED'}
          label={`Processing ${label}`}
        />
      )}
      {error && documentStatus === 'FAILED' && <div className="job-error">{error}</div>}
    </div>
  );
}
