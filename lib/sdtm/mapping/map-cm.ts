/**
 * Medications (FindingKind MEDICATION) → CM. CMTRT as reviewed; the dose as CMDOSE when it is a number, else
 * CMDOSTXT (never both); CMDOSU, CMROUTE, CMDOSFRQ and CMDOSFRM in CT (PO → ORAL, bid → BID); timing as
 * proposed — CMSTDTC/CMENDTC when dates were written, or relative to the document (CMENRTPT = ONGOING,
 * CMENTPT = DOCUMENT DATE). A medication the subject is not taking is not a record unless pre-specified.
 */
import { ctDoseForm, ctDoseUnit, ctFrequency, ctNoYes, ctRoute, ctTerm } from './controlled-terms.ts';
import { assertionGate, numeric, pick, proposedDtc, proposedVariables, text } from './finding-fields.ts';
import { findingRecord } from './finding-record.ts';
import type { MapResult, SourceFinding, SubjectContext } from './mapping-types.ts';
import { studyDay } from './sdtm-dates.ts';
import { nonStandardQualifiers } from './supp-qualifiers.ts';

export function mapMedication(f: SourceFinding, subject: SubjectContext): MapResult {
  const v = proposedVariables(f);
  const presp = ctNoYes(v.CMPRESP);
  const gate = assertionGate(f, { allowNegated: presp === 'Y' });
  if (gate) return { notMapped: gate };
  const trt = text(f.label) ?? text(v.CMTRT);
  if (trt === null) return { notMapped: 'NO_RESULT' };
  const dose = text(f.value) ?? text(v.CMDOSE);
  const stdtc = proposedDtc(v, 'CMSTDTC');
  const endtc = proposedDtc(v, 'CMENDTC');
  return findingRecord(f, subject, {
    domain: 'CM',
    topic: trt.toUpperCase(),
    dtc: stdtc,
    variables: {
      CMTRT: trt,
      ...pick(v, ['CMDECOD', 'CMCAT', 'CMINDC']),
      CMPRESP: presp,
      CMOCCUR: presp === 'Y' ? (f.assertion === 'NEGATED' ? 'N' : 'Y') : null,
      CMDOSE: numeric(dose),
      CMDOSTXT: numeric(dose) === null ? dose : null,
      CMDOSU: ctDoseUnit(f.unit ?? v.CMDOSU),
      CMDOSFRM: ctDoseForm(v.CMDOSFRM),
      CMDOSFRQ: ctFrequency(v.CMDOSFRQ),
      CMROUTE: ctRoute(v.CMROUTE),
      CMSTDTC: stdtc,
      CMENDTC: endtc,
      CMSTDY: studyDay(stdtc, subject.rfstdtc),
      CMENDY: studyDay(endtc, subject.rfstdtc),
      CMSTRTPT: ctTerm('STENRF', v.CMSTRTPT),
      CMSTTPT: text(v.CMSTTPT),
      CMENRTPT: ctTerm('STENRF', v.CMENRTPT),
      CMENTPT: text(v.CMENTPT),
    },
    supp: nonStandardQualifiers('CM', v),
  });
}
