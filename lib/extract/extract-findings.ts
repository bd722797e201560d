/**
 * The offline, deterministic clinical NLP extractor behind `imagehr extract` (contract: contract.ts).
 *
 *   extractFindings(text) → { extractor: { id: 'imagehr-local', version }, findings }
 *
 * Pure and synchronous: no I/O, no randomness, no clock; the same text always gives the same findings, sorted by
 * position. Lexicons and tries are built once when the module loads. Order of the passes matters, because each
 * claims the characters it uses so that later passes do not read them again:
 *   demographics → vital signs → qualitative vital signs → dates → (lexicon candidates) → allergies → medications → labs → procedures →
 *   conditions.
 */
import { extractAllergies } from './allergies.ts';
import { type Candidate, collectCandidates } from './candidates.ts';
import { extractConditions } from './conditions.ts';
import type { ExtractedFinding, ExtractionResult } from './contract.ts';
import { extractDates } from './dates.ts';
import { extractDemographics } from './demographics.ts';
import { labIsViable, extractLabs } from './labs.ts';
import { drugIsViable, extractMedications } from './medications.ts';
import { analyzeNote } from './note.ts';
import { extractProcedures } from './procedures.ts';
import { extractQualitativeVitals } from './qualitative-vitals.ts';
import { EXTRACTOR_ID, EXTRACTOR_VERSION } from './version.ts';
import { extractVitals } from './vitals.ts';

export { EXTRACTOR_ID, EXTRACTOR_VERSION } from './version.ts';

const KIND_ORDER = [
  'demographic',
  'vital_sign',
  'date',
  'allergy',
  'medication',
  'lab',
  'procedure',
  'imaging',
  'condition',
  'symptom',
];

export function extractFindings(text: string): ExtractionResult {
  const input = typeof text === 'string' ? text : '';
  const note = analyzeNote(input);
  const passes: ExtractedFinding[][] = [
    extractDemographics(note),
    extractVitals(note),
    extractQualitativeVitals(note),
    extractDates(note),
  ];
  const candidates = collectCandidates(note, (c: Candidate) => {
    if (c.type === 'drug') return drugIsViable(note, c.m);
    if (c.type === 'lab') return labIsViable(note, c.m);
    return true;
  });
  passes.push(extractAllergies(note, candidates.drugs));
  passes.push(extractMedications(note, candidates.drugs));
  passes.push(extractLabs(note, candidates.labs));
  passes.push(extractProcedures(note, candidates.procedures));
  passes.push(extractConditions(note, candidates.conditions));
  const findings = passes.flat();
  findings.sort(
    (a, b) => a.start - b.start || a.end - b.end || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
  );
  return { extractor: { id: EXTRACTOR_ID, version: EXTRACTOR_VERSION }, findings };
}
