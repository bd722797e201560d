/** The audit page's filters, as GraphQL `AuditFilter` and as the CSV export's query string (same meaning). */

export const OUTCOMES = ['SUCCESS', 'DENIED', 'ERROR'] as const;

export interface AuditFilters {
  action: string;
  outcome: string;
  /** YYYY-MM-DD, from the start of that day (browser time zone). */
  from: string;
  /** YYYY-MM-DD, up to the end of that day (inclusive). */
  to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function startOfDay(date: string): string | null {
  if (!DAY.test(date)) return null;
  const d = new Date(`${date}T00:00:00`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** The API's `to` is exclusive, so "to 2026-11-22" means before the start of 2026-11-23. */
function startOfNextDay(date: string): string | null {
  const start = startOfDay(date);
  if (!start) return null;
  const d = new Date(`${date}T00:00:00`);
  d.setDate(d.getDate() + 1);
  return d.toISOString();
}

export function auditFilterInput(f: AuditFilters) {
  return {
    action: f.action.trim() || null,
    outcome: (OUTCOMES as readonly string[]).includes(f.outcome) ? f.outcome : null,
    from: startOfDay(f.from),
    to: startOfNextDay(f.to),
  };
}

export function auditCsvHref(f: AuditFilters): string {
  const input = auditFilterInput(f);
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(input)) if (value) q.set(key, value);
  const s = q.toString();
  return `/api/audit/export${s ? `?${s}` : ''}`;
}
