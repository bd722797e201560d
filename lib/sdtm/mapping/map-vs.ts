/**
 * Vital signs (FindingKind VITAL_SIGN) → VS. VSTESTCD/VSTEST from CT (the finding's label may be the code or
 * the name), VSORRES/VSORRESU as reviewed, VSSTRESC/N/U in standard units (standard-units.ts; the extractor's
 * own conversion is kept while the result is as it proposed), VSDTC the collection date, VSDY from RFSTDTC.
 */
import { ctTest } from './controlled-terms.ts';
import { collectionDate, pick, proposedDtc, proposedVariables, text } from './finding-fields.ts';
import { findingRecord } from './finding-record.ts';
import type { MapResult, SourceFinding, SubjectContext } from './mapping-types.ts';
import { studyDay } from './sdtm-dates.ts';
import { standardVital, vitalUnit, type StandardResult } from './standard-units.ts';
import { nonStandardQualifiers } from './supp-qualifiers.ts';

export function mapVitalSign(f: SourceFinding, subject: SubjectContext): MapResult {
  if (f.assertion === 'FAMILY') return { notMapped: 'FAMILY_HISTORY' };
  if (f.assertion === 'HYPOTHETICAL') return { notMapped: 'HYPOTHETICAL' };
  const v = proposedVariables(f);
  const test = ctTest('VSTESTCD', 'VSTEST', f.label) ?? ctTest('VSTESTCD', 'VSTEST', v.VSTESTCD);
  if (!test) return { notMapped: 'UNKNOWN_TEST' };
  const orres = text(f.value) ?? text(v.VSORRES);
  if (orres === null) return { notMapped: 'NO_RESULT' };
  const orresu = vitalUnit(f.unit ?? v.VSORRESU);
  const asProposed =
    orres === text(v.VSORRES) && orresu === vitalUnit(v.VSORRESU) && typeof v.VSSTRESN === 'number';
  const std: StandardResult = asProposed
    ? { stresc: String(v.VSSTRESN), stresn: Number(v.VSSTRESN), stresu: text(v.VSSTRESU) }
    : standardVital(test.testcd, orres, orresu);
  const dtc = proposedDtc(v, 'VSDTC') ?? collectionDate(f);
  return findingRecord(f, subject, {
    domain: 'VS',
    topic: test.testcd,
    dtc,
    variables: {
      VSTESTCD: test.testcd,
      VSTEST: test.test,
      ...pick(v, ['VSCAT', 'VSPOS', 'VSLOC', 'VSLAT']),
      VSORRES: orres,
      VSORRESU: orresu,
      VSSTRESC: std.stresc,
      VSSTRESN: std.stresn,
      VSSTRESU: std.stresu,
      VSDTC: dtc,
      VSDY: studyDay(dtc, subject.rfstdtc),
    },
    supp: nonStandardQualifiers('VS', v),
  });
}
