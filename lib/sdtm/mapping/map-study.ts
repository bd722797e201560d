/**
 * Maps a study's reviewed data to SDTM records: DM from each subject's enrolment and patient record, and one
 * record (plus SUPP-- qualifiers) per ACCEPTED or EDITED finding of the study's subjects — proposals and
 * rejected findings never become data. Idempotent and minimal (assign-seq.ts, sync-records.ts): a rerun with
 * nothing changed writes nothing, records a programmer edited are left alone and reported, and records whose
 * finding is no longer accepted are deleted. Runs in one transaction, serialised per study, with its audit event.
 *
 * A finding belongs to the study when its patient is a subject of the study and its document (if any) was not
 * filed under another study.
 */
import type { FindingKind } from '../../../generated/prisma/enums.ts';
import type { Actor } from '../../auth/actor.ts';
import { recordAuditEvent } from '../../audit/record-audit-event.ts';
import type { Db } from '../../db/client.ts';
import { assignSeq, type StoredRecord } from './assign-seq.ts';
import { mapAdverseEvent } from './map-ae.ts';
import { mapMedication } from './map-cm.ts';
import { mapDemographics } from './map-dm.ts';
import { mapImaging } from './map-imaging.ts';
import { mapLab } from './map-lb.ts';
import { mapMedicalHistory } from './map-mh.ts';
import { mapProcedure } from './map-pr.ts';
import { mapVitalSign } from './map-vs.ts';
import { mapBirads } from './map-xb.ts';
import {
  isNotMapped,
  SOURCE_FINDING_INCLUDE,
  type MapResult,
  type MappedRecord,
  type NotMappedReason,
  type SourceFinding,
  type SubjectContext,
} from './mapping-types.ts';
import { syncRecords, type DomainCounts } from './sync-records.ts';

export class SdtmStudyNotFound extends Error {
  constructor() {
    super('No study with that id');
    this.name = 'SdtmStudyNotFound';
  }
}

export interface MapStudyOptions {
  db: Db;
  /** Study.id (not the CDISC STUDYID). */
  studyId: string;
  /** Who asked; null with `system` for a job or the command line. */
  actor: Actor | null;
  system?: string;
  requestId?: string;
}

export interface MappingSummary {
  studyId: string;
  /** Per domain (SUPP-- datasets included), sorted by name. */
  domains: DomainCounts[];
  /** Reviewed findings that gave no record, by reason. */
  notMapped: { reason: NotMappedReason; count: number }[];
}

type Mapper = (f: SourceFinding, subject: SubjectContext) => MapResult;

/** Finding kinds → mapper. DEMOGRAPHIC feeds DM; DATE qualifies other findings; LESION awaits TU/TR. */
const MAPPERS: Record<FindingKind, Mapper | null> = {
  VITAL_SIGN: mapVitalSign,
  LAB: mapLab,
  MEDICATION: mapMedication,
  CONDITION: mapMedicalHistory,
  SYMPTOM: mapMedicalHistory,
  ALLERGY: mapMedicalHistory,
  PROCEDURE: mapProcedure,
  IMAGING: mapImaging,
  ADVERSE_EVENT: mapAdverseEvent,
  BIRADS: mapBirads,
  DEMOGRAPHIC: null,
  DATE: null,
  LESION: null,
};

const TRANSACTION = { maxWait: 10_000, timeout: 300_000 };

export async function mapStudyToSdtm(o: MapStudyOptions): Promise<MappingSummary> {
  return o.db.$transaction(async (tx) => {
    const study = await tx.study.findUnique({ where: { id: o.studyId } });
    if (!study) throw new SdtmStudyNotFound();
    // One mapping run per study at a time: a second waits, then sees the first one's records.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sdtm-map:${study.id}`}))`;

    const subjects = await tx.subject.findMany({
      where: { studyId: study.id },
      include: {
        patient: { select: { birthDate: true, sex: true, race: true, ethnicity: true, site: true } },
      },
      orderBy: { id: 'asc' },
    });
    const findings = await tx.finding.findMany({
      where: {
        status: { in: ['ACCEPTED', 'EDITED'] },
        patientId: { in: subjects.map((s) => s.patientId) },
        OR: [{ documentId: null }, { document: { studyId: null } }, { document: { studyId: study.id } }],
      },
      include: SOURCE_FINDING_INCLUDE,
      orderBy: [{ reviewedAt: 'asc' }, { id: 'asc' }],
    });

    const records: MappedRecord[] = [];
    const notMapped = new Map<NotMappedReason, number>();
    const skip = (reason: NotMappedReason) => notMapped.set(reason, (notMapped.get(reason) ?? 0) + 1);
    const findingsOf = new Map<string, SourceFinding[]>();
    for (const f of findings) {
      if (!findingsOf.has(f.patientId)) findingsOf.set(f.patientId, []);
      findingsOf.get(f.patientId)!.push(f);
    }
    for (const s of subjects) {
      const subject: SubjectContext = {
        subjectId: s.id,
        patientId: s.patientId,
        studyid: study.studyId,
        usubjid: s.usubjid,
        rfstdtc: s.rfstdtc,
      };
      const own = findingsOf.get(s.patientId) ?? [];
      records.push(
        mapDemographics({
          subject,
          subjid: s.subjid,
          siteid: s.patient.site.siteId,
          birthDate: s.patient.birthDate,
          sex: s.patient.sex,
          race: s.patient.race,
          ethnicity: s.patient.ethnicity,
          findings: own.filter((f) => f.kind === 'DEMOGRAPHIC'),
        }),
      );
      for (const f of own) {
        if (f.kind === 'DEMOGRAPHIC') continue;
        const mapper = MAPPERS[f.kind];
        const result: MapResult = mapper ? mapper(f, subject) : { notMapped: 'NOT_A_RECORD' };
        if (isNotMapped(result)) skip(result.notMapped);
        else records.push(result);
      }
    }

    const stored: StoredRecord[] = (
      await tx.sdtmRecord.findMany({
        where: { studyId: study.id },
        select: {
          id: true,
          domain: true,
          key: true,
          seq: true,
          subjectId: true,
          variables: true,
          edited: true,
          findings: { select: { id: true } },
        },
      })
    ).map(({ findings: linked, ...r }) => ({ ...r, findingIds: linked.map((x) => x.id) }));

    const planned = assignSeq(records, stored);
    const domains = await syncRecords(tx, study.id, planned, stored);
    const summary: MappingSummary = {
      studyId: study.id,
      domains,
      notMapped: [...notMapped]
        .map(([reason, count]) => ({ reason, count }))
        .sort((a, b) => a.reason.localeCompare(b.reason)),
    };
    await recordAuditEvent(tx, {
      actor: o.actor,
      system: o.system,
      action: 'sdtm.map',
      entityType: 'Study',
      entityIds: [study.id],
      patientIds: subjects.map((s) => s.patientId),
      requestId: o.requestId,
      detail: { domains: summary.domains, notMapped: summary.notMapped, findings: findings.length },
    });
    return summary;
  }, TRANSACTION);
}
