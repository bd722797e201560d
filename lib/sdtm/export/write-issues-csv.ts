/**
 * Conformance issues as CSV (RFC 4180: comma-separated, CRLF, fields quoted when needed, UTF-8 without BOM),
 * columns ruleId, path, severity, message. Cells that a spreadsheet would run as a formula (starting with
 * = + - @ tab or CR) are prefixed with a single quote (CSV injection); issue text is ours, not data, so the
 * prefix loses nothing.
 */

/** One conformance finding, as `lib/sdtm/conformance` reports it (extra fields are ignored). */
export interface ExportIssue {
  ruleId: string;
  path: string;
  severity: string;
  message: string;
}

export const ISSUE_COLUMNS = ['ruleId', 'path', 'severity', 'message'] as const;

function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function writeIssuesCsv(issues: readonly ExportIssue[]): string {
  const lines = [ISSUE_COLUMNS.join(',')];
  for (const issue of issues)
    lines.push(ISSUE_COLUMNS.map((c) => csvField(String(issue[c] ?? ''))).join(','));
  return lines.join('\r\n') + '\r\n';
}
