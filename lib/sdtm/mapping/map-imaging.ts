/**
 * Imaging results (FindingKind IMAGING) → the body-system Findings domain (SDTMIG 3.4; MO is decommissioned):
 * lungs and pleura → RE (Respiratory System Findings), heart and great vessels → CV (Cardiovascular System
 * Findings). The body system is the proposed domain (RE/CV) when the finding has one, else read from the
 * finding's words, else from the imaged body part (chest → RE). An IMAGING finding that names the study
 * itself (the extractor's "chest x-ray", proposed as PR) is the procedure: see map-pr.ts.
 *
 * Test codes: an indicator test when one fits the words (effusion → EFFIND, pneumonia → PNEUMIND, infiltrate or
 * consolidation → INFLTIND; cardiomegaly → HCENLIND, pericardial effusion → PEFFIND, aneurysm → ANEURIND) with
 * --ORRES Y, or N for a reviewed negation ("no effusion"); otherwise INTP (Interpretation) with the reviewed
 * text as the result. --METHOD from the image modality (X-RAY, CT SCAN, MRI, ULTRASOUND).
 */
import { ctLaterality, ctTerm, ctTest, methodForModality } from './controlled-terms.ts';
import { collectionDate, pick, proposedDtc, proposedVariables, text } from './finding-fields.ts';
import { findingRecord } from './finding-record.ts';
import { mapProcedure } from './map-pr.ts';
import type { MapResult, SourceFinding, SubjectContext } from './mapping-types.ts';
import { studyDay } from './sdtm-dates.ts';
import { nonStandardQualifiers } from './supp-qualifiers.ts';

type BodySystem = 'RE' | 'CV';

const CODELISTS: Record<BodySystem, { testcd: string; test: string }> = {
  RE: { testcd: 'RETESTCD', test: 'RETEST' },
  CV: { testcd: 'CVTESTCD', test: 'CVTEST' },
};

/** Words → body system and indicator test, most specific first. */
const INDICATORS: [RegExp, BodySystem, string][] = [
  [/pericardial effusion/i, 'CV', 'PEFFIND'],
  [/cardiomegaly|enlarged (?:heart|cardiac)|cardiac enlargement/i, 'CV', 'HCENLIND'],
  [/aneurysm/i, 'CV', 'ANEURIND'],
  [/effusion/i, 'RE', 'EFFIND'],
  [/pneumonia/i, 'RE', 'PNEUMIND'],
  [/infiltrat|consolidation/i, 'RE', 'INFLTIND'],
];

const RESPIRATORY =
  /lung|pulmon|pleura|pneumo|bronch|trache|atelecta|emphysem|opacit|nodule|airspace|hilar|interstitial|respirat/i;
const CARDIOVASCULAR = /heart|cardi|aort|vascular|vessel|coronar|pericard|valv|atri|ventric/i;

function bodySystem(f: SourceFinding, words: string): BodySystem | null {
  if (f.domain === 'RE' || f.domain === 'CV') return f.domain;
  const indicator = INDICATORS.find(([re]) => re.test(words));
  if (indicator) return indicator[1];
  if (CARDIOVASCULAR.test(words)) return 'CV';
  if (RESPIRATORY.test(words)) return 'RE';
  if (/chest|thorax|lung/i.test(f.image?.series.bodyPart ?? '')) return 'RE';
  return null;
}

export function mapImaging(f: SourceFinding, subject: SubjectContext): MapResult {
  const v = proposedVariables(f);
  const words = [f.label, f.value].filter(Boolean).join(' ');
  const system = f.domain === 'PR' ? null : bodySystem(f, words);
  if (!system) return mapProcedure(f, subject);
  if (f.assertion === 'FAMILY') return { notMapped: 'FAMILY_HISTORY' };
  if (f.assertion === 'HYPOTHETICAL') return { notMapped: 'HYPOTHETICAL' };
  if (f.assertion === 'POSSIBLE') return { notMapped: 'UNCERTAIN' };
  const lists = CODELISTS[system];
  const proposed = ctTest(lists.testcd, lists.test, v[`${system}TESTCD`]);
  const indicator = INDICATORS.find(([re, s]) => s === system && re.test(words));
  const test =
    proposed ??
    (indicator ? ctTest(lists.testcd, lists.test, indicator[2]) : null) ??
    ctTest(lists.testcd, lists.test, 'INTP');
  if (!test) return { notMapped: 'UNKNOWN_TEST' };
  const isIndicator = test.testcd.endsWith('IND');
  const negated = f.assertion === 'NEGATED';
  let orres: string | null;
  if (isIndicator) orres = negated ? 'N' : 'Y';
  else if (negated) return { notMapped: 'NOT_OCCURRED' };
  else orres = text(f.value) ?? text(f.label);
  if (orres === null) return { notMapped: 'NO_RESULT' };
  const D = system;
  const dtc = proposedDtc(v, `${D}DTC`) ?? collectionDate(f);
  const method =
    ctTerm('METHOD', v[`${D}METHOD`]) ?? methodForModality(f.image?.series.modality) ?? text(v[`${D}METHOD`]);
  return findingRecord(f, subject, {
    domain: D,
    topic: test.testcd,
    dtc,
    variables: {
      [`${D}TESTCD`]: test.testcd,
      [`${D}TEST`]: test.test,
      ...pick(v, [`${D}CAT`, `${D}SCAT`]),
      [`${D}ORRES`]: orres,
      [`${D}STRESC`]: orres,
      [`${D}LOC`]: ctTerm('LOC', v[`${D}LOC`]) ?? text(v[`${D}LOC`]),
      [`${D}LAT`]: ctLaterality(v[`${D}LAT`]),
      [`${D}METHOD`]: method,
      [`${D}DTC`]: dtc,
      [`${D}DY`]: studyDay(dtc, subject.rfstdtc),
    },
    supp: nonStandardQualifiers(D, v),
  });
}
