'use client';
/** The selected finding in full — value, code, assertion, confidence, extractor, SDTM proposal, review — with the decisions. */
import { formatDateTime, formatPercent } from '../_lib/format';
import { formatValue, humanize, type FindingEdits, type ReviewFinding } from '../_lib/document-review';
import { kindClass } from '../_lib/finding-kinds';
import { FindingEditForm, shortSystem } from './finding-edit-form';
import { StatusBadge } from './status-badge';

/** Below this, the panel says the machine was unsure. */
const LOW_CONFIDENCE = 0.7;

const VERB: Record<string, string> = { ACCEPTED: 'Accepted', EDITED: 'Edited', REJECTED: 'Rejected' };

export function FindingPanel({
  finding,
  position,
  editing,
  busy,
  canReview,
  onAccept,
  onReject,
  onEdit,
  onCancelEdit,
  onSave,
}: {
  finding: ReviewFinding | null;
  position: string;
  editing: boolean;
  busy: boolean;
  canReview: boolean;
  onAccept: () => void;
  onReject: () => void;
  onEdit: () => void;
  onCancelEdit: () => void;
  onSave: (edits: FindingEdits) => void;
}) {
  if (!finding) {
    return (
      <section className="card finding-panel" aria-label="Selected finding">
        <p className="muted">Select a finding in the text, on the page or in the table (or press j).</p>
      </section>
    );
  }
  const f = finding;
  const variables = Object.entries(f.variables ?? {});
  return (
    <section
      className="card finding-panel"
      aria-labelledby="finding-title"
      data-testid="finding-panel"
      data-finding-id={f.id}
    >
      <p className="muted finding-position">{position}</p>
      <h2 id="finding-title">{f.label}</h2>
      <p className="finding-tags">
        <span className={`kind-chip ${kindClass(f.kind)}`}>{humanize(f.kind)}</span>
        <StatusBadge status={f.status} />
      </p>
      <dl className="finding-facts">
        <dt>Value</dt>
        <dd data-testid="finding-value">{formatValue(f)}</dd>
        <dt>Code</dt>
        <dd>
          {f.code ? (
            <>
              <span className="mono">{f.code}</span>
              {f.codeSystem && <span className="muted"> {shortSystem(f.codeSystem)}</span>}
            </>
          ) : (
            '—'
          )}
        </dd>
        <dt>Assertion</dt>
        <dd data-testid="finding-assertion">{humanize(f.assertion)}</dd>
        <dt>Confidence</dt>
        <dd>
          {formatPercent(f.confidence)}
          {f.confidence < LOW_CONFIDENCE && <span className="badge badge-warning">low — check</span>}
        </dd>
        <dt>Evidence</dt>
        <dd>
          {f.spanText ? <q>{f.spanText}</q> : '—'}
          {f.page && <span className="muted"> (page {f.page})</span>}
        </dd>
        <dt>Extractor</dt>
        <dd>
          <span className="mono">
            {f.extractorId} {f.extractorVersion}
          </span>{' '}
          <span className="muted">({humanize(f.source)})</span>
        </dd>
        <dt>Review</dt>
        <dd data-testid="finding-review">
          {f.status === 'PROPOSED' || !f.reviewedAt
            ? 'Not reviewed yet'
            : `${VERB[f.status] ?? humanize(f.status)} by ${f.reviewedBy?.name ?? 'unknown'}, ${formatDateTime(f.reviewedAt)}`}
        </dd>
      </dl>
      {f.domain && (
        <details className="sdtm-proposal" open>
          <summary>
            SDTM proposal: <span className="mono">{f.domain}</span>
          </summary>
          <table className="kv-table">
            <tbody>
              {variables.map(([k, v]) => (
                <tr key={k}>
                  <th scope="row" className="mono">
                    {k}
                  </th>
                  <td className="mono">{typeof v === 'object' ? JSON.stringify(v) : String(v)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {canReview &&
        (editing ? (
          <FindingEditForm key={f.id} finding={f} busy={busy} onSave={onSave} onCancel={onCancelEdit} />
        ) : (
          <div className="review-actions" role="group" aria-label="Decision">
            <button type="button" className="btn" onClick={onAccept} disabled={busy} aria-keyshortcuts="a">
              Accept <kbd aria-hidden="true">a</kbd>
            </button>
            <button
              type="button"
              className="btn btn-secondary"
              onClick={onEdit}
              disabled={busy}
              aria-keyshortcuts="e"
            >
              Edit <kbd aria-hidden="true">e</kbd>
            </button>
            <button
              type="button"
              className="btn btn-danger"
              onClick={onReject}
              disabled={busy}
              aria-keyshortcuts="r"
            >
              Reject <kbd aria-hidden="true">r</kbd>
            </button>
          </div>
        ))}
    </section>
  );
}
