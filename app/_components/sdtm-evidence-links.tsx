'use client';
/**
 * The way back from an SDTM record to its source: for each finding it came from, a link to the document review
 * page at the span, or the image box in pixels. Loaded on request (every read of evidence is audited).
 */
import Link from 'next/link';
import { useState } from 'react';
import { errorText, gql, unwrapResult, type UnionResult } from '../_lib/graphql-client';
import { RECORD_EVIDENCE, type SdtmEvidence } from '../_lib/sdtm-api';

type EvidenceData = { sdtmRecord: UnionResult<{ id: string; findings: SdtmEvidence[] }> };

export function evidenceHref(finding: SdtmEvidence): string | null {
  if (!finding.document) return null;
  return `/documents/${encodeURIComponent(finding.document.id)}?finding=${encodeURIComponent(finding.id)}`;
}

function describeBox(box: NonNullable<SdtmEvidence['box']>): string {
  return `x ${box.x}, y ${box.y}, ${box.width} × ${box.height} px`;
}

export function SdtmEvidenceLinks({ recordId }: { recordId: string }) {
  const [state, setState] = useState<
    | { status: 'idle' }
    | { status: 'loading' }
    | { status: 'done'; findings: SdtmEvidence[] }
    | { status: 'error'; error: unknown }
  >({ status: 'idle' });

  async function load() {
    setState({ status: 'loading' });
    try {
      const data = await gql<EvidenceData>(RECORD_EVIDENCE, { id: recordId });
      setState({ status: 'done', findings: unwrapResult(data.sdtmRecord).findings });
    } catch (e) {
      setState({ status: 'error', error: e });
    }
  }

  if (state.status === 'idle' || state.status === 'loading') {
    return (
      <button
        type="button"
        className="btn btn-sm btn-secondary"
        onClick={() => void load()}
        disabled={state.status === 'loading'}
      >
        {state.status === 'loading' ? 'Loading evidence…' : 'Show source evidence'}
      </button>
    );
  }
  if (state.status === 'error') {
    return (
      <p className="alert alert-error" role="alert">
        Evidence could not be loaded: {errorText(state.error)}
      </p>
    );
  }
  if (!state.findings.length) {
    return <p className="muted">Entered by hand: no source finding is linked to this record.</p>;
  }
  return (
    <ul className="evidence-list" aria-label="Source evidence">
      {state.findings.map((f) => {
        const href = evidenceHref(f);
        return (
          <li key={f.id}>
            <strong>{f.label}</strong>
            {f.value && <span className="mono"> {f.value}</span>}
            {href && (
              <>
                {' · '}
                <Link href={href} data-testid="evidence-link">
                  {f.document?.title ?? 'Document'}
                  {f.spanStart !== null && f.spanEnd !== null && `, characters ${f.spanStart}–${f.spanEnd}`}
                  {f.page !== null && `, page ${f.page}`}
                </Link>
                {f.spanText && <q className="evidence-quote">{f.spanText}</q>}
              </>
            )}
            {!href && f.box && <span> · image region {describeBox(f.box)}</span>}
            {!href && !f.box && <span className="muted"> · no span or region recorded</span>}
          </li>
        );
      })}
    </ul>
  );
}
