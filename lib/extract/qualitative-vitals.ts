/**
 * A vital sign written as a judgement instead of a number ("Blood Pressure: Elevated", "BP high", "heart rate
 * elevated") is an abnormal sign, recorded as a condition (MH) with its ICD-10-CM code, never as a VS result: no
 * value is invented. The span runs from the label to the judgement, as written.
 */
import { resolveAssertion } from './assertion.ts';
import type { ExtractedFinding } from './contract.ts';
import { makeFinding } from './finding.ts';
import { ICD10CM_SYSTEM } from './lexicons.ts';
import { type Note, categoriesForSpan, claim, overlapsClaim, sectionNameAt } from './note.ts';

const QUALITATIVE_RE =
  /\b(blood\s+pressures?|bp|heart\s+rate|pulse(?:\s+rate)?)\b\s{0,2}(?::|was|is|were)?\s{0,2}(?:(?:mildly|moderately|markedly|very|slightly)\s{1,2})?(elevated|high|raised|low)\b/gi;

const CODES: Record<string, Record<string, [string, string]>> = {
  pressure: {
    high: ['R03.0', 'Elevated blood-pressure reading, without diagnosis of hypertension'],
    low: ['R03.1', 'Nonspecific low blood-pressure reading'],
  },
  rate: {
    high: ['R00.0', 'Tachycardia, unspecified'],
    low: ['R00.1', 'Bradycardia, unspecified'],
  },
};

export function extractQualitativeVitals(note: Note): ExtractedFinding[] {
  const findings: ExtractedFinding[] = [];
  QUALITATIVE_RE.lastIndex = 0;
  for (let m = QUALITATIVE_RE.exec(note.text); m !== null; m = QUALITATIVE_RE.exec(note.text)) {
    const start = m.index;
    const end = m.index + m[0].length;
    if (overlapsClaim(note, start, end)) continue;
    const kind = /pressure|bp/i.test(m[1]) ? 'pressure' : 'rate';
    const [code, display] = CODES[kind][m[2].toLowerCase() === 'low' ? 'low' : 'high'];
    findings.push(
      makeFinding(note, {
        kind: 'symptom',
        domain: 'MH',
        variables: { MHTERM: note.text.slice(start, end) },
        start,
        end,
        confidence: 0.8,
        assertion: resolveAssertion(categoriesForSpan(note, start, end), sectionNameAt(note, start)),
        code: { system: ICD10CM_SYSTEM, code, display },
      }),
    );
    claim(note, start, end);
  }
  return findings;
}
