/**
 * Laboratory results (FindingKind LAB) → LB. LBTESTCD/LBTEST from CT, LBORRES/LBORRESU as reviewed (unit as its
 * CT value), the reference range as written, LBSTRESC/N/U in the unit of the result (no sponsor unit conversion
 * is defined for labs), LBNRIND as flagged — recomputed from the range when the reviewer changed the value —
 * LBLOINC when the code is LOINC, LBDTC the collection date.
 */
import { ctOrWritten, ctTerm, ctTest } from './controlled-terms.ts';
import { collectionDate, numeric, pick, proposedDtc, proposedVariables, text } from './finding-fields.ts';
import { findingRecord } from './finding-record.ts';
import type { MapResult, SourceFinding, SubjectContext } from './mapping-types.ts';
import { studyDay } from './sdtm-dates.ts';
import { nonStandardQualifiers } from './supp-qualifiers.ts';

function rangeIndicator(value: number | null, lo: number | null, hi: number | null): string | null {
  if (value === null || (lo === null && hi === null)) return null;
  if (lo !== null && value < lo) return 'LOW';
  if (hi !== null && value > hi) return 'HIGH';
  return 'NORMAL';
}

export function mapLab(f: SourceFinding, subject: SubjectContext): MapResult {
  if (f.assertion === 'FAMILY') return { notMapped: 'FAMILY_HISTORY' };
  if (f.assertion === 'HYPOTHETICAL') return { notMapped: 'HYPOTHETICAL' };
  const v = proposedVariables(f);
  const test = ctTest('LBTESTCD', 'LBTEST', f.label) ?? ctTest('LBTESTCD', 'LBTEST', v.LBTESTCD);
  if (!test) return { notMapped: 'UNKNOWN_TEST' };
  const orres = text(f.value) ?? text(v.LBORRES);
  if (orres === null) return { notMapped: 'NO_RESULT' };
  const orresu = ctOrWritten('UNIT', f.unit ?? v.LBORRESU);
  const lo = text(v.LBORNRLO);
  const hi = text(v.LBORNRHI);
  const stresn = numeric(orres);
  const asProposed = orres === text(v.LBORRES);
  const nrind = asProposed
    ? (ctTerm('NRIND', v.LBNRIND) ?? rangeIndicator(stresn, numeric(lo), numeric(hi)))
    : rangeIndicator(stresn, numeric(lo), numeric(hi));
  const loinc = f.code && /loinc/i.test(f.codeSystem ?? '') ? f.code : null;
  const dtc = proposedDtc(v, 'LBDTC') ?? collectionDate(f);
  return findingRecord(f, subject, {
    domain: 'LB',
    topic: test.testcd,
    dtc,
    variables: {
      LBTESTCD: test.testcd,
      LBTEST: test.test,
      ...pick(v, ['LBCAT', 'LBSCAT']),
      LBORRES: orres,
      LBORRESU: orresu,
      LBORNRLO: lo,
      LBORNRHI: hi,
      LBSTRESC: orres,
      LBSTRESN: stresn,
      LBSTRESU: orresu,
      LBSTNRLO: numeric(lo),
      LBSTNRHI: numeric(hi),
      LBNRIND: nrind,
      LBLOINC: loinc,
      ...pick(v, ['LBSPEC', 'LBMETHOD', 'LBFAST']),
      LBDTC: dtc,
      LBDY: studyDay(dtc, subject.rfstdtc),
    },
    supp: nonStandardQualifiers('LB', v),
  });
}
