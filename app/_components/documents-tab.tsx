import { formatBytes, formatDateTime } from '../_lib/format';
import type { DocumentRow } from '../_lib/patient-record';
import { EmptyState } from './empty-state';
import { StatusBadge } from './status-badge';

export function DocumentsTab({ documents, total }: { documents: DocumentRow[]; total: number }) {
  if (!documents.length) {
    return (
      <EmptyState title="No documents yet">
        Clinical notes, PDFs and scanned or photographed forms will appear here with their processing status
        and the findings extracted from them.
      </EmptyState>
    );
  }
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>
          {total > documents.length
            ? `The latest ${documents.length} of ${total} documents`
            : `${total} documents`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Type</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Pages
            </th>
            <th scope="col" className="num">
              Size
            </th>
            <th scope="col" className="num">
              Findings
            </th>
            <th scope="col">Added</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((d) => (
            <tr key={d.id}>
              <td>
                {d.title}
                {d.error && <div className="job-error">{d.error}</div>}
              </td>
              <td className="mono">{d.mimeType}</td>
              <td>
                <StatusBadge status={d.status} />
              </td>
              <td className="num">{d.pageCount ?? '—'}</td>
              <td className="num">{formatBytes(d.byteSize)}</td>
              <td className="num">{d.findingCount}</td>
              <td className="nowrap">{formatDateTime(d.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
