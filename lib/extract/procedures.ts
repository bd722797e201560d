/**
 * Procedures and imaging → PR. PRTRT is the name as written; PRDECOD the CDISC PROCEDUR (C101858) term when one
 * fits ("COLONOSCOPY", "CT SCAN", "CORONARY ARTERY BYPASS GRAFT"). Imaging studies (chest X-ray, CT, MRI,
 * ultrasound, echocardiogram, mammogram, ...) get kind "imaging" and PRCAT "IMAGING". Planned studies ("we will
 * order an MRI") are hypothetical, past ones ("status post appendectomy", past surgical history) historical.
 */
import { resolveAssertion } from './assertion.ts';
import type { ExtractedFinding } from './contract.ts';
import { makeFinding } from './finding.ts';
import type { ProcedureEntry } from './lexicons.ts';
import { type Note, categoriesForSpan, claim, overlapsClaim, sectionNameAt } from './note.ts';
import type { PhraseMatch } from './phrase-trie.ts';

export function extractProcedures(note: Note, procedures: PhraseMatch<ProcedureEntry>[]): ExtractedFinding[] {
  const findings: ExtractedFinding[] = [];
  for (const m of procedures) {
    if (overlapsClaim(note, m.start, m.end)) continue;
    const section = sectionNameAt(note, m.start);
    const assertion = resolveAssertion(categoriesForSpan(note, m.start, m.end), section);
    const imaging = m.value.kind === 'imaging';
    const upper =
      m.end - m.start <= 4 &&
      note.text.slice(m.start, m.end) === note.text.slice(m.start, m.end).toUpperCase();
    findings.push(
      makeFinding(note, {
        kind: imaging ? 'imaging' : 'procedure',
        domain: 'PR',
        variables: {
          PRTRT: note.text.slice(m.start, m.end),
          PRDECOD: m.value.prdecod || undefined,
          PRCAT: imaging ? 'IMAGING' : undefined,
        },
        start: m.start,
        end: m.end,
        confidence: upper ? 0.75 : 0.85,
        assertion,
      }),
    );
    claim(note, m.start, m.end);
  }
  return findings;
}
