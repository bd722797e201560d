/**
 * The workspace grid's columns: SDTMIG variable order for standard domains (required and expected variables
 * always, permissible ones when a record holds them or a person added the column), identifiers first for custom
 * domains, and what kind of editor each variable gets (closed list, open list, free text).
 */
import type { SdtmDomainSpecData, SdtmRow, SdtmValue, SdtmVariableMeta } from './sdtm-api';

export interface SdtmColumn {
  name: string;
  label: string;
  /** Req, Exp, Perm; '' for variables SDTMIG does not list for the domain. */
  core: string;
  type: 'Char' | 'Num';
  meta: SdtmVariableMeta | null;
}

/** Identifiers every record carries; the API sets them and they cannot be edited. */
export const IDENTIFIERS = new Set(['STUDYID', 'DOMAIN', 'USUBJID']);

export const DOMAIN_PATTERN = /^[A-Z]{2}$|^SUPP[A-Z]{2}$/;

function fromMeta(meta: SdtmVariableMeta): SdtmColumn {
  return {
    name: meta.name,
    label: meta.label,
    core: meta.core,
    type: meta.type === 'Num' ? 'Num' : 'Char',
    meta,
  };
}

/** Variables of a custom domain are text, except the numeric ones every general-class domain shares. */
function custom(name: string, domain: string): SdtmColumn {
  const numeric =
    ['SEQ', 'STRESN', 'DY', 'STDY', 'ENDY', 'TPTNUM'].some((s) => name === domain + s) || name === 'VISITNUM';
  return { name, label: '', core: '', type: numeric ? 'Num' : 'Char', meta: null };
}

/** Variable names in order of first appearance across rows. */
export function presentVariables(
  rows: readonly SdtmRow[],
  into: string[] = [],
  seen = new Set(into),
): string[] {
  for (const row of rows) {
    for (const name of Object.keys(row.variables)) {
      if (!seen.has(name)) {
        seen.add(name);
        into.push(name);
      }
    }
  }
  return into;
}

export function workspaceColumns(
  domain: string,
  spec: SdtmDomainSpecData | null,
  present: readonly string[],
  added: readonly string[],
): SdtmColumn[] {
  const wanted = new Set([...present, ...added]);
  const columns: SdtmColumn[] = [];
  const taken = new Set<string>();
  const push = (c: SdtmColumn) => {
    if (taken.has(c.name)) return;
    taken.add(c.name);
    columns.push(c);
  };
  if (spec) {
    for (const v of spec.variables) if (v.core !== 'Perm' || wanted.has(v.name)) push(fromMeta(v));
  } else {
    for (const name of ['STUDYID', 'DOMAIN', 'USUBJID', `${domain}SEQ`]) push(custom(name, domain));
  }
  for (const name of [...present, ...added]) push(custom(name, domain));
  return columns;
}

/** Permissible SDTMIG variables not yet shown: what "add variable" offers. */
export function addableVariables(spec: SdtmDomainSpecData | null, columns: readonly SdtmColumn[]) {
  if (!spec) return [];
  const shown = new Set(columns.map((c) => c.name));
  return spec.variables.filter((v) => !shown.has(v.name));
}

export function cellValue(row: SdtmRow, column: string, domain: string): SdtmValue {
  const value = row.variables[column];
  if (value !== undefined && value !== null) return value;
  if (column === `${domain}SEQ`) return row.seq;
  if (column === 'USUBJID') return row.subject?.usubjid ?? null;
  return null;
}

export function displayValue(value: SdtmValue): string {
  return value === null ? '' : String(value);
}

export type EditorKind =
  | { kind: 'text' }
  /** Every codelist closed: only its terms. */
  | { kind: 'select'; terms: string[]; codelists: string }
  /** At least one codelist extensible: its terms suggested, free text allowed. */
  | { kind: 'combobox'; terms: string[]; codelists: string };

export function editorFor(column: SdtmColumn): EditorKind {
  const lists = column.meta?.codelists ?? [];
  if (!lists.length) return { kind: 'text' };
  const terms = [...new Set(lists.flatMap((l) => l.terms))];
  const codelists = lists.map((l) => `${l.submissionValue} (${l.code})`).join(', ');
  return lists.some((l) => l.extensible)
    ? { kind: 'combobox', terms, codelists }
    : { kind: 'select', terms, codelists };
}

/** The value to send for what was typed: null removes the variable; numbers for Num variables. */
export function parseCellInput(column: SdtmColumn, text: string): { value: SdtmValue } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') {
    return column.core === 'Req'
      ? { error: `${column.name} is required in ${column.meta ? 'SDTMIG' : 'this domain'}` }
      : { value: null };
  }
  if (column.type === 'Num') {
    const n = Number(trimmed);
    return Number.isFinite(n) ? { value: n } : { error: `${column.name} is numeric: enter a number` };
  }
  return { value: text };
}

export function isEditable(column: SdtmColumn): boolean {
  return !IDENTIFIERS.has(column.name);
}
