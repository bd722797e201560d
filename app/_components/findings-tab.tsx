import type { FindingRow } from '../_lib/patient-record';
import { EmptyState } from './empty-state';
import { StatusBadge } from './status-badge';

const lower = (s: string) => s.charAt(0) + s.slice(1).toLowerCase().replaceAll('_', ' ');

export function FindingsTab({ findings, total }: { findings: FindingRow[]; total: number }) {
  if (!findings.length) {
    return (
      <EmptyState title="No findings yet">
        Findings extracted from this patient&apos;s documents and images — vital signs, medications,
        conditions, lesions — will appear here for physician review, each with its evidence.
      </EmptyState>
    );
  }
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>
          {total > findings.length
            ? `The first ${findings.length} of ${total} findings`
            : `${total} findings`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Finding</th>
            <th scope="col">Value</th>
            <th scope="col">Kind</th>
            <th scope="col">Assertion</th>
            <th scope="col">Status</th>
            <th scope="col">Source</th>
            <th scope="col" className="num">
              Confidence
            </th>
            <th scope="col">Evidence</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((f) => (
            <tr key={f.id}>
              <td>{f.label}</td>
              <td className="nowrap">{f.value ? `${f.value}${f.unit ? ` ${f.unit}` : ''}` : '—'}</td>
              <td>{lower(f.kind)}</td>
              <td>{lower(f.assertion)}</td>
              <td>
                <StatusBadge status={f.status} />
              </td>
              <td>{lower(f.source)}</td>
              <td className="num">{Math.round(f.confidence * 100)}%</td>
              <td>
                {f.spanText ? <q>{f.spanText}</q> : '—'}
                {f.document && (
                  <div className="muted" style={{ fontSize: '0.8rem' }}>
                    {f.document.title}
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
