/**
 * CDISC SDTM Controlled Terminology 2025-03-28 (lib/sdtm/standards/data/sdtm-ct-2025-03-28.json): all 1,158
 * codelists with their terms and synonyms, loaded on first use and cached.
 *
 * ```ts
 * codelist('C66729')?.submissionValue              // 'ROUTE'; also codelist('ROUTE'), codelist('route')
 * normalizeToCodelist('ROUTE', 'po')                // { found: true, value: 'ORAL', matchedBy: 'synonym', ... }
 * normalizeToCodelist('C66731', 'female')           // SEX: { found: true, value: 'F', matchedBy: 'synonym' }
 * isSubmissionValue(codelist('SEX')!, 'F')          // true (exact, case-sensitive: what a dataset must hold)
 * ```
 *
 * A codelist is found by its code (C66729), its submission value (ROUTE) or its name (Route of Administration
 * Response), case-insensitively. Returned objects are frozen and shared: do not mutate them.
 */
import { readStandardsFile } from './load-standards-file.ts';
import type { CtData } from './standards-data.ts';

export const CT_VERSION = '2025-03-28';

export interface CtTerm {
  /** NCI code of the term, e.g. C38288. */
  code: string;
  /** The value a dataset holds, e.g. ORAL. */
  submissionValue: string;
  /** CDISC synonyms, e.g. ['Intraoral Route of Administration', 'PO']. */
  synonyms: readonly string[];
}

export interface Codelist {
  /** NCI code of the codelist, e.g. C66729. */
  code: string;
  /** Short name of the codelist, e.g. ROUTE. */
  submissionValue: string;
  name: string;
  /** Sponsors may add terms to an extensible codelist; a non-extensible one is closed. */
  extensible: boolean;
  terms: readonly CtTerm[];
}

/** The outcome of `normalizeToCodelist`. */
export type CtNormalization =
  | {
      found: true;
      /** The submission value to store. */
      value: string;
      termCode: string;
      /** `exact`: already the submission value; `case`: it, in other letter case or spacing; `synonym`: a CDISC synonym. */
      matchedBy: 'exact' | 'case' | 'synonym';
      codelist: string;
      extensible: boolean;
    }
  | {
      found: false;
      codelist: string;
      /** When true, the value may still be valid as a sponsor-defined term. */
      extensible: boolean;
      /** Submission values the input is a synonym of, when it names more than one term. */
      ambiguous?: readonly string[];
    };

interface CodelistIndex {
  /** Submission values, exact. */
  exact: Set<string>;
  /** Upper-cased, space-collapsed submission values and synonyms → terms. */
  folded: Map<string, { values: CtTerm[]; synonyms: CtTerm[] }>;
}

let lists: Map<string, Codelist> | undefined;
let byKey: Map<string, Codelist> | undefined;
const indexes = new WeakMap<Codelist, CodelistIndex>();

function load(): Map<string, Codelist> {
  if (lists && byKey) return byKey;
  const data = readStandardsFile<CtData>('sdtm-ct-2025-03-28.json');
  lists = new Map();
  byKey = new Map();
  for (const c of data.codelists) {
    const list: Codelist = Object.freeze({
      code: c.code,
      submissionValue: c.submissionValue,
      name: c.name,
      extensible: c.extensible,
      terms: Object.freeze(
        c.terms.map((t) =>
          Object.freeze({ code: t[0], submissionValue: t[1], synonyms: Object.freeze(t[2] ?? []) }),
        ),
      ),
    });
    lists.set(c.code, list);
  }
  // Codes first, so a name can never shadow a code; submission values before names.
  for (const list of lists.values()) byKey.set(list.code.toUpperCase(), list);
  for (const list of lists.values())
    if (!byKey.has(fold(list.submissionValue))) byKey.set(fold(list.submissionValue), list);
  for (const list of lists.values()) if (!byKey.has(fold(list.name))) byKey.set(fold(list.name), list);
  return byKey;
}

/** Upper case, trimmed, inner whitespace collapsed. */
function fold(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toUpperCase();
}

/** A codelist by code (C66741), submission value (VSTESTCD) or name, case-insensitively; undefined if none. */
export function codelist(codeOrName: string): Codelist | undefined {
  return load().get(fold(codeOrName));
}

/** Every codelist, ordered by code. */
export function allCodelists(): readonly Codelist[] {
  load();
  return [...lists!.values()];
}

function indexOf(list: Codelist): CodelistIndex {
  let index = indexes.get(list);
  if (index) return index;
  index = { exact: new Set(), folded: new Map() };
  const entry = (key: string) => {
    let e = index!.folded.get(key);
    if (!e) index!.folded.set(key, (e = { values: [], synonyms: [] }));
    return e;
  };
  for (const term of list.terms) {
    index.exact.add(term.submissionValue);
    entry(fold(term.submissionValue)).values.push(term);
    for (const s of term.synonyms) entry(fold(s)).synonyms.push(term);
  }
  indexes.set(list, index);
  return index;
}

/** True when `value` is exactly (case-sensitively) a submission value of `list`. O(1) after the first call. */
export function isSubmissionValue(list: Codelist, value: string): boolean {
  return indexOf(list).exact.has(value);
}

/**
 * Maps `value` to a submission value of the codelist: the submission value itself (exact, then ignoring case
 * and spacing), else a CDISC synonym ignoring case (PO → ORAL). A synonym shared by several terms maps to none
 * (`ambiguous` lists them). Throws when the codelist does not exist: that is a programming error.
 */
export function normalizeToCodelist(codelistCodeOrName: string, value: string): CtNormalization {
  const list = codelist(codelistCodeOrName);
  if (!list) throw new Error(`unknown CDISC codelist "${codelistCodeOrName}" (CT ${CT_VERSION})`);
  const index = indexOf(list);
  const base = { codelist: list.code, extensible: list.extensible };
  const term = (t: CtTerm, matchedBy: 'exact' | 'case' | 'synonym') =>
    ({ found: true, value: t.submissionValue, termCode: t.code, matchedBy, ...base }) as const;
  if (index.exact.has(value)) {
    return term(
      list.terms.find((t) => t.submissionValue === value)!,
      'exact',
    );
  }
  const entry = index.folded.get(fold(value));
  if (!entry) return { found: false, ...base };
  if (entry.values.length === 1) return term(entry.values[0], 'case');
  const candidates = [...new Set((entry.values.length > 0 ? entry.values : entry.synonyms).map((t) => t))];
  if (candidates.length === 1) return term(candidates[0], entry.values.length > 0 ? 'case' : 'synonym');
  return { found: false, ...base, ambiguous: candidates.map((t) => t.submissionValue) };
}
