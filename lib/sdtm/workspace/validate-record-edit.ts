/**
 * Checks a programmer's edit of one SDTM record before it is saved: every problem is reported with its path
 * (DOMAIN.VAR), none stops the others. Standard-specific checks (controlled terminology) are passed in, so this
 * file knows only the rules every SDTM variable obeys.
 */

import { parseDtc } from '../conformance/iso8601.ts';

export interface EditIssue {
  path: string;
  message: string;
}

export type TermCheck = (domain: string, variable: string, value: string) => string | null;

export function validateRecordEdit(
  domain: string,
  variables: Record<string, unknown>,
  checkTerm: TermCheck = () => null,
): EditIssue[] {
  const issues: EditIssue[] = [];
  for (const [name, value] of Object.entries(variables)) {
    const path = `${domain}.${name}`;
    if (!/^[A-Z_][A-Z0-9_]{0,7}$/.test(name)) {
      issues.push({
        path,
        message: 'variable names are 1-8 upper-case letters, digits or _, not starting with a digit',
      });
    }
    if (value === null) continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) issues.push({ path, message: 'numbers must be finite' });
      continue;
    }
    if (typeof value !== 'string') {
      issues.push({ path, message: 'values are text, numbers or null' });
      continue;
    }
    if (Buffer.byteLength(value, 'utf8') > 200)
      issues.push({ path, message: 'character values are at most 200 bytes' });
    if (!/^[\x20-\x7e]*$/.test(value))
      issues.push({ path, message: 'only printable ASCII is allowed in SAS V5 transport files' });
    if (/DTC$/.test(name) && value !== '' && !parseDtc(value)) {
      issues.push({
        path,
        message: `"${value}" is not an ISO 8601 date/time (e.g. 2024-03-05, 2024-03, 2024-03-05T14:30)`,
      });
    }
    const term = checkTerm(domain, name, value);
    if (term) issues.push({ path, message: term });
  }
  return issues;
}
