/**
 * BI-RADS assessments (FindingKind BIRADS) → the custom Findings domain XB (see custom-domains.ts). The
 * category is read from the reviewed value, else from the label ("BI-RADS 4A"); laterality from the value
 * proposed or the image's DICOM laterality; method from the image modality (MG → MAMMOGRAPHY, US, MR); XBLOC
 * is BREAST, which BI-RADS is by definition about.
 */
import { ctLaterality, ctTerm, methodForModality } from './controlled-terms.ts';
import { assertionGate, collectionDate, proposedDtc, proposedVariables, text } from './finding-fields.ts';
import { findingRecord } from './finding-record.ts';
import type { MapResult, SourceFinding, SubjectContext } from './mapping-types.ts';
import { studyDay } from './sdtm-dates.ts';
import { nonStandardQualifiers } from './supp-qualifiers.ts';

const CATEGORY = /^(?:BI-?RADS\s*(?:category\s*)?)?([0-6]|4[ABC])$/i;
const IN_LABEL = /BI-?RADS\s*(?:category\s*|assessment\s*)?:?\s*([0-6](?:[ABC](?![a-z]))?)/i;

export function biradsCategory(value: unknown, label: unknown): string | null {
  const v = text(value);
  const fromValue = v ? CATEGORY.exec(v) : null;
  if (fromValue) return fromValue[1].toUpperCase();
  const l = text(label);
  const fromLabel = l ? IN_LABEL.exec(l) : null;
  return fromLabel ? fromLabel[1].toUpperCase() : null;
}

export function mapBirads(f: SourceFinding, subject: SubjectContext): MapResult {
  const gate = assertionGate(f, { allowNegated: false });
  if (gate) return { notMapped: gate };
  const v = proposedVariables(f);
  const category = biradsCategory(f.value ?? v.XBORRES, f.label);
  if (category === null) return { notMapped: 'NO_RESULT' };
  const dtc = proposedDtc(v, 'XBDTC') ?? collectionDate(f);
  return findingRecord(f, subject, {
    domain: 'XB',
    topic: 'BIRADSC',
    dtc,
    variables: {
      XBTESTCD: 'BIRADSC',
      XBTEST: 'BI-RADS Assessment Category',
      XBORRES: category,
      XBSTRESC: category,
      XBSTRESN: /^\d$/.test(category) ? Number(category) : null,
      XBLOC: 'BREAST',
      XBLAT: ctLaterality(v.XBLAT) ?? ctLaterality(f.image?.laterality),
      XBMETHOD:
        ctTerm('METHOD', v.XBMETHOD) ?? methodForModality(f.image?.series.modality) ?? text(v.XBMETHOD),
      XBDTC: dtc,
      XBDY: studyDay(dtc, subject.rfstdtc),
    },
    supp: nonStandardQualifiers('XB', v).filter((q) => !q.qnam.startsWith('XB')),
  });
}
