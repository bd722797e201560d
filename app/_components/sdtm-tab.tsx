import Link from 'next/link';
import type { PatientRecord } from '../_lib/patient-record';
import { EmptyState } from './empty-state';

function formatVariables(variables: Record<string, unknown>): string {
  return Object.entries(variables)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join('  ');
}

export function SdtmTab({ subjects }: { subjects: PatientRecord['subjects'] }) {
  const withRecords = subjects.filter((s) => s.sdtmRecords.edges.length);
  if (!withRecords.length) {
    return (
      <EmptyState title="No SDTM records yet">
        Accepted findings will be mapped here to SDTM domains (DM, VS, CM, MH, LB and more) for each study
        this patient is enrolled in, ready for review and export.
      </EmptyState>
    );
  }
  return (
    <div className="stack">
      {withRecords.map((s) => (
        <div key={s.id} className="table-wrap">
          <table className="data-table">
            <caption>
              <span className="mono">{s.usubjid}</span> · {s.study.studyId} — {s.sdtmRecords.totalCount}{' '}
              records ·{' '}
              <Link href={`/studies/${encodeURIComponent(s.study.id)}/sdtm`}>
                Open the {s.study.studyId} SDTM workspace
              </Link>
            </caption>
            <thead>
              <tr>
                <th scope="col">Domain</th>
                <th scope="col" className="num">
                  Seq
                </th>
                <th scope="col">Variables</th>
              </tr>
            </thead>
            <tbody>
              {s.sdtmRecords.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td className="mono">{node.domain}</td>
                  <td className="num">{node.seq ?? '—'}</td>
                  <td className="mono" style={{ fontSize: '0.82rem' }}>
                    {formatVariables(node.variables)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
