import { formatDateTime } from '../_lib/format';
import type { JobStatus } from '../_lib/job-stream';
import { EmptyState } from './empty-state';
import { JobProgressBar } from './job-progress-bar';
import { StatusBadge } from './status-badge';

export interface JobRow {
  id: string;
  type: string;
  status: JobStatus;
  progress: number;
  message: string | null;
  error: string | null;
  attempts: number;
  maxAttempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  studyId: string | null;
  studyCode: string | null;
}

const TYPE_LABELS: Record<string, string> = {
  'fhir.import-patients': 'FHIR import',
  'document.process': 'Document processing',
};

export const jobTypeLabel = (type: string) => TYPE_LABELS[type] ?? type;

export function JobsTable({ rows }: { rows: JobRow[] }) {
  if (!rows.length) {
    return (
      <EmptyState title="No jobs">
        Imports and document or image processing will appear here with live progress.
      </EmptyState>
    );
  }
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="jobs-table">
        <thead>
          <tr>
            <th scope="col">Job</th>
            <th scope="col">Study</th>
            <th scope="col">Status</th>
            <th scope="col">Progress</th>
            <th scope="col">Created</th>
            <th scope="col">Finished</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((job) => (
            <tr key={job.id} data-job-id={job.id} data-status={job.status}>
              <td>
                <strong>{jobTypeLabel(job.type)}</strong>
                {job.attempts > 1 && (
                  <div className="muted" style={{ fontSize: '0.8rem' }}>
                    attempt {job.attempts} of {job.maxAttempts}
                  </div>
                )}
              </td>
              <td className="mono">{job.studyCode ?? '—'}</td>
              <td>
                <StatusBadge status={job.status} />
              </td>
              <td>
                <JobProgressBar
                  progress={job.progress}
                  status={job.status}
                  label={`Progress of ${jobTypeLabel(job.type)} job`}
                />
                {job.message && !job.error && <div className="job-message">{job.message}</div>}
                {job.error && <div className="job-error">{job.error}</div>}
              </td>
              <td className="nowrap">{formatDateTime(job.createdAt)}</td>
              <td className="nowrap">{formatDateTime(job.finishedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
