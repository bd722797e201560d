'use client';
/** The study's domains with their record counts, and a way to open a new (custom) domain. */
import { useState } from 'react';
import { DOMAIN_PATTERN } from '../_lib/sdtm-columns';

export function SdtmDomainList({
  domains,
  selected,
  onSelect,
  canEdit,
}: {
  domains: { domain: string; count: number }[];
  selected: string;
  onSelect: (domain: string) => void;
  canEdit: boolean;
}) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');
  const listed = domains.some((d) => d.domain === selected);
  const items = listed || !selected ? domains : [...domains, { domain: selected, count: 0 }];
  return (
    <nav aria-label="Domains" className="sdtm-domains">
      <h2 className="sdtm-side-title">Domains</h2>
      <ul className="sdtm-domain-list">
        {items.map((d) => (
          <li key={d.domain}>
            <button
              type="button"
              className="sdtm-domain"
              aria-current={d.domain === selected ? 'true' : undefined}
              onClick={() => onSelect(d.domain)}
            >
              <span className="mono">{d.domain}</span>
              <span className="tab-count" data-testid={`domain-count-${d.domain}`}>
                {d.count.toLocaleString('en-US')}
              </span>
            </button>
          </li>
        ))}
        {!items.length && <li className="muted">No SDTM records yet.</li>}
      </ul>
      {canEdit && (
        <form
          className="sdtm-new-domain"
          onSubmit={(e) => {
            e.preventDefault();
            const name = draft.trim().toUpperCase();
            if (!DOMAIN_PATTERN.test(name)) {
              setError('Two letters, e.g. XB (or SUPP + two).');
              return;
            }
            setError('');
            setDraft('');
            onSelect(name);
          }}
        >
          <label htmlFor="new-domain" className="field-label">
            Open a domain
          </label>
          <div className="sdtm-inline">
            <input
              id="new-domain"
              type="text"
              value={draft}
              maxLength={6}
              placeholder="e.g. XB"
              onChange={(e) => setDraft(e.target.value)}
              aria-invalid={!!error || undefined}
              aria-describedby="new-domain-hint"
            />
            <button type="submit" className="btn btn-sm btn-secondary">
              Open
            </button>
          </div>
          <span id="new-domain-hint" className={error ? 'field-error' : 'field-hint'}>
            {error || 'A standard domain or a custom one (two letters).'}
          </span>
        </form>
      )}
    </nav>
  );
}
