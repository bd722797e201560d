/**
 * Checks a dataset's metadata against the XPORT v5 limits and lays out its observation record.
 *
 * Limits (TS-140, SAS Usage Note 46944): dataset and variable names are SAS names of at most 8 characters
 * (letter or underscore, then letters, digits, underscores); labels at most 40 bytes; character lengths
 * 1–200 bytes; numeric lengths 3–8; at most 9999 variables; ASCII text only. Every problem is added to the
 * issue list; the plan is still returned so that value checks can go on and report theirs too.
 */
import type { SdtmVariable } from '../dataset.ts';
import type { XptIssueList } from './xpt-errors.ts';
import { MAX_CHAR_LENGTH, MAX_LABEL_LENGTH, MAX_NAME_LENGTH, MAX_VARIABLES } from './xpt-layout.ts';

/** What the writer needs to know about a dataset besides its rows. */
export interface XptDatasetMeta {
  name: string;
  label: string;
  variables: readonly SdtmVariable[];
}

export interface XptFormatSpec {
  name: string;
  width: number;
  decimals: number;
}

export interface XptVariablePlan {
  name: string;
  label: string;
  type: 'Char' | 'Num';
  length: number;
  /** Byte offset in the observation record. */
  position: number;
  format: XptFormatSpec;
}

export interface XptMemberPlan {
  name: string;
  label: string;
  variables: XptVariablePlan[];
  recordLength: number;
}

const SAS_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Format text: optional name (may start with $, may contain digits), optional width, `.`, optional decimals. */
const FORMAT = /^(\$?[A-Za-z_][A-Za-z0-9_]*?)?(\d+)?\.(\d+)?$/;

/** Index of the first character outside ASCII, or -1. */
export function firstNonAscii(text: string): number {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return i;
  return -1;
}

export function describeNonAscii(text: string, index: number): string {
  const cp = text.codePointAt(index)!;
  return `contains the non-ASCII character "${String.fromCodePoint(cp)}" (U+${cp.toString(16).toUpperCase().padStart(4, '0')}) at position ${index + 1}`;
}

/** Parses `DATE9.`, `8.2`, `$CHAR20.`, `BEST.`; undefined when malformed. */
export function parseFormat(text: string): XptFormatSpec | undefined {
  const m = FORMAT.exec(text);
  if (!m || (m[1] ?? '').length > MAX_NAME_LENGTH) return undefined;
  const width = Number(m[2] ?? 0);
  const decimals = Number(m[3] ?? 0);
  if (width > 32767 || decimals > 32767) return undefined; // 2-byte fields in the NAMESTR
  return { name: (m[1] ?? '').toUpperCase(), width, decimals };
}

function checkName(name: unknown, what: string, path: string, issues: XptIssueList): void {
  if (typeof name !== 'string' || name === '') {
    issues.add(path, `${what} name is missing`);
  } else if (name.length > MAX_NAME_LENGTH) {
    issues.add(
      path,
      `${what} name "${name}" is ${name.length} characters (XPT v5 allows at most ${MAX_NAME_LENGTH})`,
    );
  } else if (!SAS_NAME.test(name)) {
    issues.add(
      path,
      `${what} name "${name}" is not a SAS name (a letter or underscore, then letters, digits or underscores)`,
    );
  }
}

function checkLabel(label: unknown, what: string, path: string, issues: XptIssueList): void {
  if (typeof label !== 'string') {
    issues.add(path, `${what} label must be a string`);
    return;
  }
  const bad = firstNonAscii(label);
  if (bad >= 0) issues.add(path, `${what} label ${describeNonAscii(label, bad)}`);
  else if (label.length > MAX_LABEL_LENGTH) {
    issues.add(
      path,
      `${what} label is ${label.length} characters (XPT v5 allows at most ${MAX_LABEL_LENGTH})`,
    );
  }
}

/**
 * Validates `meta` and lays out the record. `computedLength(name)` gives the length of a character variable
 * without one (the in-memory writer measures the data); when it is absent such a variable is an issue.
 */
export function planXptMember(
  meta: XptDatasetMeta,
  issues: XptIssueList,
  computedLength?: (name: string) => number,
): XptMemberPlan {
  const ds = typeof meta.name === 'string' && meta.name ? meta.name : '(dataset)';
  checkName(meta.name, 'dataset', ds, issues);
  checkLabel(meta.label, 'dataset', ds, issues);
  const variables: XptVariablePlan[] = [];
  if (!Array.isArray(meta.variables) || meta.variables.length === 0) {
    issues.add(ds, 'the dataset has no variables');
    return { name: ds, label: String(meta.label ?? ''), variables, recordLength: 0 };
  }
  if (meta.variables.length > MAX_VARIABLES) {
    issues.add(ds, `${meta.variables.length} variables (XPT v5 allows at most ${MAX_VARIABLES})`);
  }
  const seen = new Set<string>();
  let position = 0;
  meta.variables.forEach((v, index) => {
    const name = typeof v?.name === 'string' && v.name ? v.name : `#${index + 1}`;
    const path = `${ds}.${name}`;
    checkName(v?.name, 'variable', path, issues);
    const key = name.toUpperCase();
    if (seen.has(key)) issues.add(path, `variable ${name} appears more than once`);
    seen.add(key);
    checkLabel(v?.label, 'variable', path, issues);
    const type = v?.type;
    if (type !== 'Char' && type !== 'Num') {
      issues.add(path, `type must be "Char" or "Num", got ${JSON.stringify(type)}`);
    }
    let length: number;
    if (type === 'Num') {
      length = v.length ?? 8;
      if (!Number.isInteger(length) || length < 3 || length > 8) {
        issues.add(path, `numeric length ${v.length} is not allowed (3 to 8)`);
        length = 8;
      }
    } else if (v?.length !== undefined) {
      length = v.length;
      if (!Number.isInteger(length) || length < 1 || length > MAX_CHAR_LENGTH) {
        issues.add(path, `character length ${length} is not allowed (1 to ${MAX_CHAR_LENGTH} bytes)`);
        length = Math.min(MAX_CHAR_LENGTH, Math.max(1, Math.trunc(length) || 1));
      }
    } else if (computedLength) {
      length = Math.min(MAX_CHAR_LENGTH, Math.max(1, computedLength(v.name)));
    } else {
      issues.add(path, 'character length is required when streaming (the data is not known in advance)');
      length = 1;
    }
    let format: XptFormatSpec = { name: '', width: 0, decimals: 0 };
    if (v?.format !== undefined && v.format !== '') {
      const parsed = parseFormat(v.format);
      if (parsed) format = parsed;
      else issues.add(path, `format "${v.format}" is not a SAS format (e.g. DATE9., 8.2, $CHAR20.)`);
    }
    variables.push({
      name,
      label: String(v?.label ?? ''),
      type: type === 'Num' ? 'Num' : 'Char',
      length,
      position,
      format,
    });
    position += length;
  });
  return { name: ds, label: String(meta.label ?? ''), variables, recordLength: position };
}
