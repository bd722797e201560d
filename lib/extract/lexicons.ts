/**
 * Loads the committed lexicons (lib/extract/data/*.json, derived by scripts/derive-extract-lexicons.ts) and builds
 * their tries once, at module load, so that extraction itself does no set-up work.
 */
import conditionsData from './data/conditions.json' with { type: 'json' };
import drugsData from './data/drugs.json' with { type: 'json' };
import allergensData from './data/allergens.json' with { type: 'json' };
import labsData from './data/labs.json' with { type: 'json' };
import proceduresData from './data/procedures.json' with { type: 'json' };
import { PhraseTrie } from './phrase-trie.ts';

export interface ConditionEntry {
  code: string;
  /** Code system: ICD-10-CM, or SNOMED CT for Synthea condition names that no ICD-10-CM term covers. */
  system: string;
  display: string;
  /** Curated synonym (true) or derived from an ICD-10-CM description (false). */
  curated: boolean;
  abbreviation: boolean;
}

export interface DrugEntry {
  /** Ingredient name(s) in normal form; "a / b" for combinations. */
  generic: string;
  weak: boolean;
  abbreviation: boolean;
}

export interface LabEntry {
  code: string;
  test: string;
}

export interface ProcedureEntry {
  kind: 'procedure' | 'imaging';
  prdecod: string;
}

export const ICD10CM_SYSTEM = conditionsData.system;
export const SNOMED_SYSTEM = conditionsData.snomedSystem;

const curatedConditionTerms = new Set(conditionsData.curated);

function buildConditions(): PhraseTrie<ConditionEntry> {
  const trie = new PhraseTrie<ConditionEntry>();
  const codes = conditionsData.codes as Record<string, string>;
  for (const [term, code] of Object.entries(conditionsData.terms as Record<string, string>))
    trie.add(term, {
      code,
      system: ICD10CM_SYSTEM,
      display: codes[code] ?? '',
      curated: curatedConditionTerms.has(term),
      abbreviation: false,
    });
  for (const [abbr, code] of Object.entries(conditionsData.caseSensitive as Record<string, string>))
    trie.addCaseSensitive(abbr, {
      code,
      system: ICD10CM_SYSTEM,
      display: codes[code] ?? '',
      curated: true,
      abbreviation: true,
    });
  for (const [term, [code, display]] of Object.entries(
    conditionsData.snomed as unknown as Record<string, [string, string]>,
  ))
    trie.add(term, { code, system: SNOMED_SYSTEM, display, curated: false, abbreviation: false });
  return trie;
}

function buildDrugs(): PhraseTrie<DrugEntry> {
  const trie = new PhraseTrie<DrugEntry>(true);
  const weak = new Set(drugsData.weak);
  for (const [name, generic] of Object.entries(drugsData.names as Record<string, string>))
    trie.add(name, { generic, weak: weak.has(name), abbreviation: false });
  for (const [abbr, generic] of Object.entries(drugsData.caseSensitive as Record<string, string>))
    trie.addCaseSensitive(abbr, { generic, weak: weak.has(abbr), abbreviation: true });
  return trie;
}

function buildLabs(): PhraseTrie<LabEntry> {
  const trie = new PhraseTrie<LabEntry>();
  for (const t of labsData.tests) {
    const entry = { code: t.code, test: t.test };
    for (const n of t.names) trie.add(n, entry);
    for (const n of t.caseSensitive) trie.addCaseSensitive(n, entry);
  }
  return trie;
}

function buildProcedures(): PhraseTrie<ProcedureEntry> {
  const trie = new PhraseTrie<ProcedureEntry>();
  const upper = new Set(proceduresData.upperCaseOnly);
  for (const [name, [kind, prdecod]] of Object.entries(
    proceduresData.terms as unknown as Record<string, [string, string]>,
  )) {
    const entry: ProcedureEntry = { kind: kind === 'imaging' ? 'imaging' : 'procedure', prdecod };
    if (upper.has(name)) trie.addCaseSensitive(name.toUpperCase(), entry);
    else trie.add(name, entry);
  }
  return trie;
}

function buildSet(phrases: string[]): PhraseTrie<true> {
  const trie = new PhraseTrie<true>();
  for (const p of phrases) trie.add(p, true);
  return trie;
}

export const conditionTrie = buildConditions();
export const drugTrie = buildDrugs();
export const labTrie = buildLabs();
export const procedureTrie = buildProcedures();
export const allergenTrie = buildSet(allergensData.substances);
export const reactionTrie = buildSet(allergensData.reactions);
