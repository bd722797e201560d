/**
 * Findings a reviewer flagged as adverse events (FindingKind ADVERSE_EVENT) → AE. AETERM as reviewed; AEDECOD
 * (MedDRA) is left for coding — no dictionary ships; severity, seriousness, outcome and action in CT when they
 * were proposed; AESTDTC/AEENDTC only when the source dates the event. AE holds events that occurred, so a
 * negated one is not a record (CORE-000012).
 */
import { ctNoYes, ctOrWritten, ctTerm } from './controlled-terms.ts';
import { assertionGate, pick, proposedDtc, proposedVariables, text } from './finding-fields.ts';
import { findingRecord } from './finding-record.ts';
import type { MapResult, SourceFinding, SubjectContext } from './mapping-types.ts';
import { studyDay } from './sdtm-dates.ts';
import { nonStandardQualifiers } from './supp-qualifiers.ts';

const SERIOUSNESS = ['AESCAN', 'AESCONG', 'AESDISAB', 'AESDTH', 'AESHOSP', 'AESLIFE', 'AESOD', 'AESMIE'];

export function mapAdverseEvent(f: SourceFinding, subject: SubjectContext): MapResult {
  const gate = assertionGate(f, { allowNegated: false });
  if (gate) return { notMapped: gate };
  const v = proposedVariables(f);
  const term = text(f.label) ?? text(v.AETERM);
  if (term === null) return { notMapped: 'NO_RESULT' };
  const stdtc = proposedDtc(v, 'AESTDTC');
  const endtc = proposedDtc(v, 'AEENDTC');
  const criteria = Object.fromEntries(SERIOUSNESS.map((n) => [n, ctNoYes(v[n])]));
  return findingRecord(f, subject, {
    domain: 'AE',
    topic: term.toUpperCase(),
    dtc: stdtc,
    variables: {
      AETERM: term,
      ...pick(v, ['AEDECOD', 'AEBODSYS', 'AECAT', 'AEREL']),
      AESEV: ctOrWritten('AESEV', v.AESEV),
      AESER: ctNoYes(v.AESER),
      ...criteria,
      AEACN: ctOrWritten('ACN', v.AEACN),
      AEOUT: ctOrWritten('OUT', v.AEOUT),
      AESTDTC: stdtc,
      AEENDTC: endtc,
      AESTDY: studyDay(stdtc, subject.rfstdtc),
      AEENDY: studyDay(endtc, subject.rfstdtc),
      AEENRTPT: ctTerm('STENRF', v.AEENRTPT),
      AEENTPT: text(v.AEENTPT),
    },
    supp: nonStandardQualifiers('AE', v),
  });
}
