/**
 * Conditions, diagnoses and symptoms → MH, with an ICD-10-CM code suggestion (CMS FY2021 billable codes; a curated
 * synonym layer maps common phrasings such as "HTN", "CHF", "shortness of breath" to their default codes).
 * Kind "symptom" for chapter R codes (symptoms and signs), "condition" otherwise. MHTERM is the text as written.
 * The assertion comes from ConText plus section defaults (assertion.ts).
 */
import { resolveAssertion } from './assertion.ts';
import type { ExtractedFinding } from './contract.ts';
import { makeFinding } from './finding.ts';
import { type ConditionEntry, ICD10CM_SYSTEM } from './lexicons.ts';
import { type Note, categoriesForSpan, overlapsClaim, sectionNameAt } from './note.ts';
import type { PhraseMatch } from './phrase-trie.ts';

/** "PE:" is a header, "PE tube" / "PE-" are not pulmonary embolism; abbreviations need a word-like context. */
function abbreviationOk(text: string, m: PhraseMatch<ConditionEntry>): boolean {
  const after = text.slice(m.end, m.end + 3);
  return !/^\s?:/.test(after) && !/^[-/]\w/.test(after);
}

/** A condition name used as a modifier of something else: "diabetes panel", "HIV antibody", "Covid evaluation
 * centers", "COVID-19 vaccine", "diabetes medications". */
const MODIFIER_AFTER =
  /^[\s-]{1,2}(?:panels?|screens?|screening|tests?|testing|educators?|education|clinics?|centers?|evaluation centers|medications?|meds|pathology|protocols?|specialists?|teams?|services?|vaccines?|vaccinations?|immunizations?|titers?|antibod(?:y|ies)|antigens?|status|support groups?|program|diet|awareness|foundation|workup|work-up)\b/i;

export function extractConditions(note: Note, conditions: PhraseMatch<ConditionEntry>[]): ExtractedFinding[] {
  const findings: ExtractedFinding[] = [];
  for (const m of conditions) {
    if (overlapsClaim(note, m.start, m.end)) continue;
    if (m.value.abbreviation && !abbreviationOk(note.text, m)) continue;
    if (MODIFIER_AFTER.test(note.text.slice(m.end, m.end + 30))) continue;
    const section = sectionNameAt(note, m.start);
    const assertion = resolveAssertion(categoriesForSpan(note, m.start, m.end), section);
    const symptom = m.value.code.startsWith('R');
    findings.push(
      makeFinding(note, {
        kind: symptom ? 'symptom' : 'condition',
        domain: 'MH',
        variables: { MHTERM: note.text.slice(m.start, m.end) },
        start: m.start,
        end: m.end,
        confidence: m.value.abbreviation ? 0.75 : m.value.curated ? 0.85 : 0.7,
        assertion,
        code: { system: ICD10CM_SYSTEM, code: m.value.code, display: m.value.display },
      }),
    );
  }
  return findings;
}
