'use client';
/**
 * Study-level SDTM actions: map the study's accepted findings to SDTM records (write:sdtm) and download the
 * datasets (export:sdtm) as a submission package, an XLSX workbook or define.xml. Mapping never overwrites a
 * record a programmer edited; the summary says what changed.
 */
import { useState } from 'react';
import { errorText } from '../_lib/graphql-client';
import { mapStudy, type MappingSummary } from '../_lib/sdtm-mapping';
import { OutcomeMessage, type Outcome } from './outcome-message';
import { useHasScope } from './viewer-context';

const DOWNLOADS = [
  { format: 'package', label: 'Submission package (.zip)' },
  { format: 'xlsx', label: 'Workbook (.xlsx)' },
  { format: 'define', label: 'define.xml' },
] as const;

function describe(summary: MappingSummary): string {
  const sum = (k: 'created' | 'updated' | 'deleted' | 'unchanged' | 'skippedEdited') =>
    summary.domains.reduce((n, d) => n + d[k], 0);
  const parts = [
    `${sum('created')} created`,
    `${sum('updated')} updated`,
    `${sum('deleted')} removed`,
    `${sum('unchanged')} unchanged`,
  ];
  const kept = sum('skippedEdited');
  if (kept) parts.push(`${kept} edited by hand and kept`);
  const skipped = summary.notMapped.reduce((n, x) => n + x.count, 0);
  return `Mapped: ${parts.join(', ')}${skipped ? `; ${skipped} reviewed findings give no record` : ''}.`;
}

export function SdtmStudyActions({ studyId, onMapped }: { studyId: string; onMapped: () => void }) {
  const canMap = useHasScope('write:sdtm');
  const canExport = useHasScope('export:sdtm');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Outcome | null>(null);
  if (!canMap && !canExport) return null;

  async function map() {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ ok: true, text: describe(await mapStudy(studyId)) });
      onMapped();
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="sdtm-study-actions card" aria-label="Study actions">
      {canMap && (
        <button type="button" className="btn btn-sm" onClick={() => void map()} disabled={busy}>
          {busy ? 'Mapping…' : 'Map accepted findings to SDTM'}
        </button>
      )}
      {canExport && (
        <span className="sdtm-downloads">
          Download:{' '}
          {DOWNLOADS.map((d, i) => (
            <span key={d.format}>
              {i > 0 && ' · '}
              <a href={`/api/studies/${encodeURIComponent(studyId)}/sdtm?format=${d.format}`} download>
                {d.label}
              </a>
            </span>
          ))}
        </span>
      )}
      <OutcomeMessage outcome={message} />
    </div>
  );
}
