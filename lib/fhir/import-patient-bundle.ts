/**
 * Imports the people in a FHIR R4 Bundle (Patient, Encounter, DocumentReference notes) into a study: patients are matched by site and
 * MRN, enrolled as subjects (USUBJID = STUDYID-SITEID-SUBJID), and encounters are matched by their FHIR id,
 * so importing the same bundle twice changes nothing. Plain-text notes become documents queued for extraction.
 */
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import { pseudonymFor } from '../patients/pseudonym.ts';
import { fileBlobStore, sha256Hex } from '../storage/blob-store.ts';
import { processDocument } from '../../workers/definitions/process-document.ts';

const coding = z.object({ code: z.string().optional() }).passthrough();
const patientSchema = z
  .object({
    resourceType: z.literal('Patient'),
    id: z.string(),
    identifier: z
      .array(z.object({ type: z.object({ coding: z.array(coding) }).optional(), value: z.string() }))
      .optional(),
    name: z
      .array(z.object({ family: z.string().optional(), given: z.array(z.string()).optional() }))
      .optional(),
    gender: z.string().optional(),
    birthDate: z.string().optional(),
    extension: z
      .array(z.object({ url: z.string(), valueString: z.string().optional() }).passthrough())
      .optional(),
  })
  .passthrough();
const encounterSchema = z
  .object({
    resourceType: z.literal('Encounter'),
    id: z.string(),
    subject: z.object({ reference: z.string() }),
    class: z.object({ code: z.string().optional() }).optional(),
    type: z.array(z.object({ text: z.string().optional() })).optional(),
    period: z.object({ start: z.string(), end: z.string().optional() }),
  })
  .passthrough();
const documentReferenceSchema = z
  .object({
    resourceType: z.literal('DocumentReference'),
    id: z.string(),
    subject: z.object({ reference: z.string() }),
    type: z.object({ text: z.string().optional() }).optional(),
    date: z.string().optional(),
    content: z.array(
      z.object({
        attachment: z
          .object({ contentType: z.string().optional(), data: z.string().optional() })
          .passthrough(),
      }),
    ),
  })
  .passthrough();
const bundleSchema = z.object({
  resourceType: z.literal('Bundle'),
  entry: z.array(z.object({ resource: z.object({ resourceType: z.string() }).passthrough() })).max(200_000),
});

export class FhirImportError extends Error {}

const SEX: Record<string, string> = { male: 'M', female: 'F', other: 'U', unknown: 'U' };

export interface ImportPatientBundleOptions {
  db: Db;
  bundle: unknown;
  studyId: string;
  siteCode: string;
  /** Recorded as the actor of the audit events, e.g. "job:<id>". */
  system: string;
  onProgress?: (done: number, total: number) => Promise<void>;
}

export async function importPatientBundle({
  db,
  bundle,
  studyId,
  siteCode,
  system,
  onProgress,
}: ImportPatientBundleOptions) {
  const parsed = bundleSchema.safeParse(bundle);
  if (!parsed.success) throw new FhirImportError('not a FHIR Bundle');
  const resources = parsed.data.entry.map((e) => e.resource);
  const patients = resources.filter((r) => r.resourceType === 'Patient').map((r) => patientSchema.parse(r));
  const encounters = resources
    .filter((r) => r.resourceType === 'Encounter')
    .map((r) => encounterSchema.parse(r));
  const notes = resources
    .filter((r) => r.resourceType === 'DocumentReference')
    .map((r) => documentReferenceSchema.parse(r))
    .flatMap((d) => {
      const a = d.content.find(
        (c) => (c.attachment.contentType ?? '').startsWith('text/plain') && c.attachment.data,
      );
      return a ? [{ ref: d, bytes: Buffer.from(a.attachment.data!, 'base64') }] : [];
    });
  const blobs = fileBlobStore();
  for (const n of notes) await blobs.put(n.bytes);
  const study = await db.study.findUniqueOrThrow({ where: { id: studyId } });
  const site = await db.site.upsert({
    where: { siteId: siteCode },
    create: { siteId: siteCode, name: siteCode },
    update: {},
  });

  let done = 0;
  let created = 0;
  for (const p of patients) {
    const mrn =
      p.identifier?.find((i) => i.type?.coding.some((c) => c.code === 'MR'))?.value ??
      p.identifier?.[0]?.value ??
      p.id;
    const ext = (suffix: string) => p.extension?.find((e) => e.url.endsWith(suffix))?.valueString ?? null;
    await db.$transaction(async (tx) => {
      const existing = await tx.patient.findUnique({ where: { siteId_mrn: { siteId: site.id, mrn } } });
      const patient =
        existing ??
        (await tx.patient.create({
          data: {
            siteId: site.id,
            mrn,
            pseudonym: pseudonymFor(siteCode, mrn),
            givenName: p.name?.[0]?.given?.join(' ') ?? '',
            familyName: p.name?.[0]?.family ?? '',
            birthDate:
              p.birthDate && /^\d{4}-\d{2}-\d{2}$/.test(p.birthDate)
                ? new Date(`${p.birthDate}T00:00:00Z`)
                : null,
            sex: SEX[p.gender ?? 'unknown'] ?? 'U',
            race: ext('us-core-race'),
            ethnicity: ext('us-core-ethnicity'),
          },
        }));
      if (!existing) {
        created++;
        await recordAuditEvent(tx, {
          actor: null,
          system,
          action: 'patient.create',
          entityType: 'Patient',
          entityIds: [patient.id],
          patientIds: [patient.id],
          after: { siteId: siteCode, source: `fhir:Patient/${p.id}` },
        });
      }
      const enrolled = await tx.subject.findUnique({
        where: { studyId_patientId: { studyId, patientId: patient.id } },
      });
      if (!enrolled) {
        const count = await tx.subject.count({ where: { studyId } });
        const subjid = String(count + 1).padStart(4, '0');
        await tx.subject.create({
          data: { studyId, patientId: patient.id, subjid, usubjid: `${study.studyId}-${siteCode}-${subjid}` },
        });
      }
      const mine = encounters.filter((e) => e.subject.reference.endsWith(p.id));
      if (mine.length) {
        await tx.encounter.createMany({
          skipDuplicates: true,
          data: mine.map((e) => ({
            patientId: patient.id,
            sourceId: `fhir:Encounter/${e.id}`,
            kind: e.class?.code ?? 'unknown',
            reason: e.type?.[0]?.text ?? null,
            startedAt: new Date(e.period.start),
            endedAt: e.period.end ? new Date(e.period.end) : null,
          })),
        });
      }
      for (const n of notes.filter((x) => x.ref.subject.reference.endsWith(p.id))) {
        const sha256 = sha256Hex(n.bytes);
        if (await tx.document.findUnique({ where: { patientId_sha256: { patientId: patient.id, sha256 } } }))
          continue;
        const document = await tx.document.create({
          data: {
            patientId: patient.id,
            studyId,
            title: `${n.ref.type?.text ?? 'Clinical note'}${n.ref.date ? ` ${n.ref.date.slice(0, 10)}` : ''}`,
            mimeType: 'text/plain',
            sha256,
            byteSize: n.bytes.byteLength,
          },
        });
        await enqueueJob(
          tx,
          processDocument,
          { documentId: document.id },
          { studyId, subjectRef: document.id },
        );
      }
    });
    done++;
    await onProgress?.(done, patients.length);
  }
  return { patients: patients.length, created };
}
