/**
 * Procedures (FindingKind PROCEDURE, and IMAGING findings that name the study rather than a result) → PR.
 * PRTRT as reviewed, PRDECOD in the PROCEDUR codelist when one fits, PRCAT = IMAGING for imaging studies,
 * PRSTDTC when the source dates it (or the imaging study's date for an image). Planned procedures are not
 * records; a procedure that did not happen is one only when pre-specified (PRPRESP = Y, PROCCUR = N).
 */
import { ctNoYes, ctTerm, methodForModality } from './controlled-terms.ts';
import { assertionGate, pick, proposedDtc, proposedVariables, text } from './finding-fields.ts';
import { findingRecord } from './finding-record.ts';
import type { MapResult, SourceFinding, SubjectContext } from './mapping-types.ts';
import { dateOf, studyDay } from './sdtm-dates.ts';
import { nonStandardQualifiers } from './supp-qualifiers.ts';

export function mapProcedure(f: SourceFinding, subject: SubjectContext): MapResult {
  const v = proposedVariables(f);
  const presp = ctNoYes(v.PRPRESP);
  const gate = assertionGate(f, { allowNegated: presp === 'Y' });
  if (gate) return { notMapped: gate };
  const trt = text(f.label) ?? text(v.PRTRT);
  if (trt === null) return { notMapped: 'NO_RESULT' };
  const stdtc = proposedDtc(v, 'PRSTDTC') ?? dateOf(f.image?.series.imagingStudy.startedAt);
  const endtc = proposedDtc(v, 'PRENDTC');
  const imaging = f.kind === 'IMAGING';
  return findingRecord(f, subject, {
    domain: 'PR',
    topic: trt.toUpperCase(),
    dtc: stdtc,
    variables: {
      PRTRT: trt,
      PRDECOD:
        ctTerm('PROCEDUR', v.PRDECOD) ??
        ctTerm('PROCEDUR', trt) ??
        (imaging ? ctTerm('PROCEDUR', methodForModality(f.image?.series.modality)) : null),
      PRCAT: text(v.PRCAT) ?? (imaging ? 'IMAGING' : null),
      ...pick(v, ['PRSCAT', 'PRINDC']),
      PRPRESP: presp,
      PROCCUR: presp === 'Y' ? (f.assertion === 'NEGATED' ? 'N' : 'Y') : null,
      PRLOC: ctTerm('LOC', v.PRLOC) ?? text(v.PRLOC),
      PRLAT: ctTerm('LAT', v.PRLAT) ?? text(v.PRLAT),
      PRSTDTC: stdtc,
      PRENDTC: endtc,
      PRSTDY: studyDay(stdtc, subject.rfstdtc),
      PRENDY: studyDay(endtc, subject.rfstdtc),
    },
    supp: nonStandardQualifiers('PR', v),
  });
}
