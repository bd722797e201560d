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
 * centers", "COVID-19 vaccine", "diabetes medications", "pain management", "pain scale", "fall precautions". */
const MODIFIER_AFTER =
  /^[\s-]{1,2}(?:panels?|screens?|screening|tests?|testing|educators?|education|clinics?|centers?|evaluation centers|medications?|meds|pathology|protocols?|specialists?|teams?|services?|vaccines?|vaccinations?|immunizations?|titers?|antibod(?:y|ies)|antigens?|status|support groups?|program|diet|awareness|foundation|workup|work-up|management|control|scales?|scores?|relief|relievers?|killers?|pumps?|regimens?|contracts?|agreements?|precautions|medicines?|questionnaires?|surveys?|inventory)\b/i;
/** "allergies to adhesive tape", "Allergy: penicillin": an allergy statement (allergies.ts), not an allergic disease. */
const ALLERGY_CUE_AFTER = /^\s{0,2}(?:to\b|:)/i;
/** A Synthea list item that names a procedure ("assessment of anxiety (procedure)") does not assert the condition. */
const PROCEDURE_ITEM_AFTER = /^[^\n;]{0,80}?\((?:procedure|regime\/therapy)\)/;
const ALLERGY_TERM = /^allerg/i;

/** "Chronic kidney disease (CKD)": the abbreviation in parentheses restates the condition just named. */
function restatesPrevious(text: string, findings: ExtractedFinding[], start: number): boolean {
  const previous = findings[findings.length - 1];
  return previous !== undefined && /^\s{0,2}\(\s{0,2}$/.test(text.slice(previous.end, start));
}

export function extractConditions(note: Note, conditions: PhraseMatch<ConditionEntry>[]): ExtractedFinding[] {
  const findings: ExtractedFinding[] = [];
  const { text } = note;
  for (const m of conditions) {
    if (overlapsClaim(note, m.start, m.end)) continue;
    if (m.value.abbreviation && !abbreviationOk(text, m)) continue;
    if (/^[A-Z][A-Za-z]{1,5}$/.test(text.slice(m.start, m.end)) && restatesPrevious(text, findings, m.start))
      continue;
    const after = text.slice(m.end, m.end + 30);
    if (MODIFIER_AFTER.test(after)) continue;
    if (ALLERGY_TERM.test(text.slice(m.start, m.end)) && ALLERGY_CUE_AFTER.test(after)) continue;
    if (PROCEDURE_ITEM_AFTER.test(text.slice(m.end, m.end + 100))) continue;
    const section = sectionNameAt(note, m.start);
    const assertion = resolveAssertion(categoriesForSpan(note, m.start, m.end), section);
    const symptom = m.value.system === ICD10CM_SYSTEM && m.value.code.startsWith('R');
    findings.push(
      makeFinding(note, {
        kind: symptom ? 'symptom' : 'condition',
        domain: 'MH',
        variables: { MHTERM: note.text.slice(m.start, m.end) },
        start: m.start,
        end: m.end,
        confidence: m.value.abbreviation ? 0.75 : m.value.curated ? 0.85 : 0.7,
        assertion,
        code: { system: m.value.system, code: m.value.code, display: m.value.display },
      }),
    );
  }
  return findings;
}
