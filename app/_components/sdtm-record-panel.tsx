'use client';
/**
 * The record of the active cell: who and which sequence it is, its source evidence, and removing it (with the
 * reason the audit log keeps).
 */
import { useState } from 'react';
import { errorText } from '../_lib/graphql-client';
import type { SdtmRow } from '../_lib/sdtm-api';
import { SdtmEvidenceLinks } from './sdtm-evidence-links';

export function SdtmRecordPanel({
  domain,
  row,
  index,
  canEdit,
  onRemove,
}: {
  domain: string;
  row: SdtmRow;
  index: number;
  canEdit: boolean;
  onRemove: (row: SdtmRow, reason: string) => Promise<void>;
}) {
  const [removing, setRemoving] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const seq = row.variables[`${domain}SEQ`] ?? row.seq;

  async function remove() {
    if (reason.trim().length < 3) {
      setError(new Error('Give a reason for removing the record (at least 3 characters).'));
      return;
    }
    setBusy(true);
    try {
      await onRemove(row, reason.trim());
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <section className="card sdtm-record-panel" aria-label="Selected record" data-testid="record-panel">
      <div className="sdtm-record-head">
        <h2>
          Row {index + 1} ·{' '}
          <span className="mono">{row.subject?.usubjid ?? String(row.variables.USUBJID ?? '—')}</span>
          {seq !== null && seq !== undefined && (
            <span className="muted">
              {' '}
              · {domain}SEQ {String(seq)}
            </span>
          )}
        </h2>
        {row.edited && <span className="badge badge-info">edited by hand</span>}
      </div>
      <div className="sdtm-record-body">
        <div key={row.id}>
          <SdtmEvidenceLinks recordId={row.id} />
        </div>
        {canEdit && !removing && (
          <button type="button" className="btn btn-sm btn-danger" onClick={() => setRemoving(true)}>
            Remove record…
          </button>
        )}
      </div>
      {canEdit && removing && (
        <form
          className="sdtm-remove-form"
          onSubmit={(e) => {
            e.preventDefault();
            void remove();
          }}
        >
          <div className="field">
            <label htmlFor="remove-reason">Reason for removing this record</label>
            <input
              id="remove-reason"
              type="text"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              autoFocus
              aria-required="true"
            />
          </div>
          {error !== null && (
            <p className="alert alert-error" role="alert">
              {errorText(error)}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="btn btn-sm btn-danger" disabled={busy}>
              {busy ? 'Removing…' : 'Remove record'}
            </button>
            <button type="button" className="btn btn-sm btn-secondary" onClick={() => setRemoving(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
