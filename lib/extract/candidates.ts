/**
 * Lexicon candidates: every drug, condition, lab-test and procedure phrase found in the note, after removing those
 * inside section headers or already claimed spans, and after resolving overlaps between lexicons: the longer
 * phrase wins ("insulin dependent diabetes" over "insulin", "cataract surgery" over "cataract"); on equal length,
 * drug > lab > procedure > condition. Candidates that need context to count (a weak drug name without a dose, a
 * lab name without a value) are checked by the caller-supplied `viable` test before the overlap resolution, so an
 * invalid reading cannot shadow a valid one.
 */
import {
  type ConditionEntry,
  type DrugEntry,
  type LabEntry,
  type ProcedureEntry,
  conditionTrie,
  drugTrie,
  labTrie,
  procedureTrie,
} from './lexicons.ts';
import { type Note, inHeader, overlapsClaim } from './note.ts';
import type { PhraseMatch } from './phrase-trie.ts';

export type Candidate =
  | { type: 'drug'; m: PhraseMatch<DrugEntry> }
  | { type: 'lab'; m: PhraseMatch<LabEntry> }
  | { type: 'procedure'; m: PhraseMatch<ProcedureEntry> }
  | { type: 'condition'; m: PhraseMatch<ConditionEntry> };

const PRIORITY: Record<Candidate['type'], number> = { drug: 0, lab: 1, procedure: 2, condition: 3 };

export interface Candidates {
  drugs: PhraseMatch<DrugEntry>[];
  labs: PhraseMatch<LabEntry>[];
  procedures: PhraseMatch<ProcedureEntry>[];
  conditions: PhraseMatch<ConditionEntry>[];
}

export function collectCandidates(note: Note, viable: (c: Candidate) => boolean): Candidates {
  const { text, tokens } = note;
  const all: Candidate[] = [
    ...drugTrie.findAll(text, tokens).map((m) => ({ type: 'drug' as const, m })),
    ...labTrie.findAll(text, tokens).map((m) => ({ type: 'lab' as const, m })),
    ...procedureTrie.findAll(text, tokens).map((m) => ({ type: 'procedure' as const, m })),
    ...conditionTrie.findAll(text, tokens).map((m) => ({ type: 'condition' as const, m })),
  ].filter(
    (c) => !inHeader(note.sections, c.m.start) && !overlapsClaim(note, c.m.start, c.m.end) && viable(c),
  );

  all.sort(
    (a, b) =>
      b.m.tokenEnd - b.m.tokenStart - (a.m.tokenEnd - a.m.tokenStart) ||
      PRIORITY[a.type] - PRIORITY[b.type] ||
      a.m.start - b.m.start,
  );
  const used = new Uint8Array(tokens.length);
  const out: Candidates = { drugs: [], labs: [], procedures: [], conditions: [] };
  for (const c of all) {
    let free = true;
    for (let i = c.m.tokenStart; i < c.m.tokenEnd && free; i++) if (used[i]) free = false;
    if (!free) continue;
    used.fill(1, c.m.tokenStart, c.m.tokenEnd);
    if (c.type === 'drug') out.drugs.push(c.m);
    else if (c.type === 'lab') out.labs.push(c.m);
    else if (c.type === 'procedure') out.procedures.push(c.m);
    else out.conditions.push(c.m);
  }
  for (const list of Object.values(out)) (list as PhraseMatch<unknown>[]).sort((a, b) => a.start - b.start);
  return out;
}
