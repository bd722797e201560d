'use client';
import { OUTCOMES, type AuditFilters } from '../_lib/audit-filters';

export function AuditFilterBar({
  value,
  onChange,
  csvHref,
}: {
  value: AuditFilters;
  onChange: (next: AuditFilters) => void;
  csvHref: string;
}) {
  const set = (patch: Partial<AuditFilters>) => onChange({ ...value, ...patch });
  return (
    <div className="table-toolbar" role="search" aria-label="Filter audit events">
      <div className="field field-search">
        <label htmlFor="audit-action">Action starts with</label>
        <input
          id="audit-action"
          type="search"
          value={value.action}
          maxLength={100}
          placeholder="e.g. patient. or auth.login"
          onChange={(e) => set({ action: e.target.value })}
          autoComplete="off"
        />
      </div>
      <div className="field">
        <label htmlFor="audit-outcome">Outcome</label>
        <select id="audit-outcome" value={value.outcome} onChange={(e) => set({ outcome: e.target.value })}>
          <option value="">Any outcome</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {o.charAt(0) + o.slice(1).toLowerCase()}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-from">From</label>
        <input
          id="audit-from"
          type="date"
          value={value.from}
          max={value.to || undefined}
          onChange={(e) => set({ from: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="audit-to">To (inclusive)</label>
        <input
          id="audit-to"
          type="date"
          value={value.to}
          min={value.from || undefined}
          onChange={(e) => set({ to: e.target.value })}
        />
      </div>
      <a className="btn btn-secondary" href={csvHref} download>
        Download CSV
      </a>
    </div>
  );
}
