/**
 * Conditions, symptoms and allergies (FindingKind CONDITION, SYMPTOM, ALLERGY) → MH. MHTERM as reviewed;
 * allergies get MHCAT = ALLERGY (SDTMIG MH Assumption 3: "Allergy Medical History" is an MHCAT), their reaction
 * goes to SUPPMH (QNAM MHREACT); the ICD-10-CM code the extractor suggested goes to SUPPMH (MHICD10, origin
 * Assigned) since MHDECOD is reserved for MedDRA. MHDTC is when the history was collected (the encounter);
 * MHSTDTC/MHENDTC only when the source dates the condition. "No known allergies" is kept as the pre-specified
 * MHPRESP = Y, MHOCCUR = N; any other negated condition is not a record.
 */
import { ctNoYes, ctTerm } from './controlled-terms.ts';
import {
  assertionGate,
  collectionDate,
  pick,
  proposedDtc,
  proposedVariables,
  text,
} from './finding-fields.ts';
import { findingRecord } from './finding-record.ts';
import type { MapResult, SourceFinding, SubjectContext } from './mapping-types.ts';
import { studyDay } from './sdtm-dates.ts';
import { nonStandardQualifiers, qualifier } from './supp-qualifiers.ts';

export function mapMedicalHistory(f: SourceFinding, subject: SubjectContext): MapResult {
  const v = proposedVariables(f);
  const presp = ctNoYes(v.MHPRESP);
  const gate = assertionGate(f, { allowNegated: presp === 'Y' });
  if (gate) return { notMapped: gate };
  const term = text(f.label) ?? text(v.MHTERM);
  if (term === null) return { notMapped: 'NO_RESULT' };
  const dtc = proposedDtc(v, 'MHDTC') ?? collectionDate(f);
  const stdtc = proposedDtc(v, 'MHSTDTC');
  const icd = f.code && /icd-10/i.test(f.codeSystem ?? '') ? f.code : null;
  return findingRecord(f, subject, {
    domain: 'MH',
    topic: term.toUpperCase(),
    dtc: stdtc ?? dtc,
    variables: {
      MHTERM: term,
      ...pick(v, ['MHDECOD', 'MHSCAT', 'MHBODSYS']),
      MHCAT: text(v.MHCAT) ?? (f.kind === 'ALLERGY' ? 'ALLERGY' : null),
      MHPRESP: presp,
      MHOCCUR: presp === 'Y' ? (f.assertion === 'NEGATED' ? 'N' : 'Y') : null,
      MHDTC: dtc,
      MHSTDTC: stdtc,
      MHENDTC: proposedDtc(v, 'MHENDTC'),
      MHDY: studyDay(dtc, subject.rfstdtc),
      MHENRTPT: ctTerm('STENRF', v.MHENRTPT),
      MHENTPT: text(v.MHENTPT),
    },
    supp: [...nonStandardQualifiers('MH', v), ...qualifier('MHICD10', icd, 'Assigned')],
  });
}
