import { formatDateTime } from '../_lib/format';
import type { EncounterRow } from '../_lib/patient-record';
import { EmptyState } from './empty-state';

const KIND_LABELS: Record<string, string> = {
  AMB: 'Ambulatory',
  EMER: 'Emergency',
  IMP: 'Inpatient',
  ACUTE: 'Inpatient (acute)',
  HH: 'Home health',
  VR: 'Virtual',
  OBSENC: 'Observation',
};

export function EncountersTab({ encounters }: { encounters: EncounterRow[] }) {
  if (!encounters.length) {
    return (
      <EmptyState title="No encounters">
        Visits and admissions imported from the hospital record (FHIR Encounter) will appear here.
      </EmptyState>
    );
  }
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>{encounters.length} encounters, most recent first</caption>
        <thead>
          <tr>
            <th scope="col">Start</th>
            <th scope="col">End</th>
            <th scope="col">Class</th>
            <th scope="col">Reason / type</th>
          </tr>
        </thead>
        <tbody>
          {encounters.map((e) => (
            <tr key={e.id}>
              <td className="nowrap">{formatDateTime(e.startedAt)}</td>
              <td className="nowrap">{formatDateTime(e.endedAt)}</td>
              <td>{KIND_LABELS[e.kind.toUpperCase()] ?? e.kind}</td>
              <td>{e.reason ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
