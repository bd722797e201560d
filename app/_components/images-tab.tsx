import { formatDateTime } from '../_lib/format';
import type { ImagingStudyRow } from '../_lib/patient-record';
import { EmptyState } from './empty-state';

export function ImagesTab({ studies }: { studies: ImagingStudyRow[] }) {
  if (!studies.length) {
    return (
      <EmptyState title="No imaging studies yet">
        DICOM studies from the PACS — chest X-rays and mammograms — will appear here with previews and the
        findings of the image models.
      </EmptyState>
    );
  }
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>{studies.length} imaging studies</caption>
        <thead>
          <tr>
            <th scope="col">Description</th>
            <th scope="col">Date</th>
            <th scope="col">Study instance UID</th>
          </tr>
        </thead>
        <tbody>
          {studies.map((s) => (
            <tr key={s.id}>
              <td>{s.description ?? '—'}</td>
              <td className="nowrap">{formatDateTime(s.startedAt)}</td>
              <td className="mono">{s.studyInstanceUid}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
