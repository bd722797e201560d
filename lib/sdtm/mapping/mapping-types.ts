/**
 * Shapes shared by the SDTM mappers: the finding as the mappers read it (with the document's encounter and the
 * image's study, which date it), the subject it belongs to, and the record a mapper proposes.
 */
import type { Prisma } from '../../../generated/prisma/client.ts';
import type { SdtmValue } from '../dataset.ts';

export const SOURCE_FINDING_INCLUDE = {
  document: { select: { studyId: true, encounter: { select: { startedAt: true } } } },
  image: {
    select: {
      laterality: true,
      series: {
        select: { modality: true, bodyPart: true, imagingStudy: { select: { startedAt: true } } },
      },
    },
  },
} as const satisfies Prisma.FindingInclude;

export type SourceFinding = Prisma.FindingGetPayload<{ include: typeof SOURCE_FINDING_INCLUDE }>;

/** The subject a record belongs to, with what every record of theirs carries. */
export interface SubjectContext {
  subjectId: string;
  patientId: string;
  /** CDISC STUDYID. */
  studyid: string;
  usubjid: string;
  /** Reference start (ISO 8601) for --DY; null when not set. */
  rfstdtc: string | null;
}

/** A non-standard qualifier of a parent record, written to SUPP--. */
export interface SuppQualifier {
  /** At most 8 characters, upper case. */
  qnam: string;
  /** At most 40 characters. */
  qlabel: string;
  qval: string;
  /** Define-XML origin type as SUPP-- QORIG: Collected, Assigned, Derived. */
  qorig: 'Collected' | 'Assigned' | 'Derived';
}

export type SdtmVariables = Record<string, SdtmValue>;

/** A record a mapper proposes, before --SEQ is assigned. */
export interface MappedRecord {
  domain: string;
  /** Stable identity within study and domain, derived from the source (F:<finding id>, DM:<subject id>). */
  key: string;
  subject: SubjectContext;
  /** Variables without --SEQ; null values are dropped when stored. */
  variables: SdtmVariables;
  /** Sort key within subject and domain for --SEQ: date, then topic (test code or term); the key breaks ties. */
  order: { dtc: string; topic: string };
  findingIds: string[];
  supp: SuppQualifier[];
}

/** Why a finding produced no record (counted in the summary, never silently lost). */
export type NotMappedReason =
  | 'NOT_OCCURRED'
  | 'FAMILY_HISTORY'
  | 'HYPOTHETICAL'
  | 'UNCERTAIN'
  | 'NO_RESULT'
  | 'UNKNOWN_TEST'
  | 'NOT_A_RECORD'
  | 'NO_SUBJECT';

export type MapResult = MappedRecord | { notMapped: NotMappedReason };

export function isNotMapped(r: MapResult): r is { notMapped: NotMappedReason } {
  return 'notMapped' in r;
}
