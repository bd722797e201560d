/** The audit log as CSV (RFC 4180), streamed page by page so a large log never sits in memory. */
import type { Db } from '../db/client.ts';
import { auditWhere, type AuditFilter } from './query-audit-events.ts';

const COLUMNS = [
  'id',
  'at',
  'actorLabel',
  'actorUserId',
  'actorTokenId',
  'action',
  'outcome',
  'entityType',
  'entityIds',
  'patientIds',
  'requestId',
  'before',
  'after',
  'detail',
] as const;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  // Cells that a spreadsheet would run as a formula are prefixed with a quote (CSV injection).
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function* auditCsv(db: Db, filter: AuditFilter, pageSize = 1000): AsyncGenerator<string> {
  yield COLUMNS.join(',') + '\r\n';
  let cursor: bigint | undefined;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: { ...auditWhere(filter), ...(cursor !== undefined ? { id: { lt: cursor } } : {}) },
      orderBy: { id: 'desc' },
      take: pageSize,
    });
    if (rows.length === 0) return;
    yield (
      rows
        .map((r) =>
          COLUMNS.map((c) => csvCell(c === 'entityIds' || c === 'patientIds' ? r[c].join(' ') : r[c])).join(
            ',',
          ),
        )
        .join('\r\n') + '\r\n'
    );
    cursor = rows[rows.length - 1].id;
  }
}
