/**
 * Accepts a FHIR Bundle for import: the file is stored by sha256, and the Job row, the queue entry and the
 * audit event are written in one transaction.
 */
import type { Actor } from '../auth/actor.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Db } from '../db/client.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import { fileBlobStore, type BlobStore } from '../storage/blob-store.ts';
import { importFhirPatients } from '../../workers/definitions/import-fhir-patients.ts';

export class ImportRequestError extends Error {}

export async function enqueueFhirImport(options: {
  db: Db;
  actor: Actor;
  studyId: string;
  siteCode: string;
  bytes: Uint8Array;
  requestId?: string;
  blobs?: BlobStore;
}) {
  const { db, actor, studyId, siteCode, bytes } = options;
  if (!/^[A-Z0-9_-]{1,20}$/.test(siteCode))
    throw new ImportRequestError('site must be 1-20 of A-Z, 0-9, _ or -');
  if (bytes.byteLength === 0) throw new ImportRequestError('empty file');
  const study = await db.study.findUnique({ where: { id: studyId } });
  if (!study) throw new ImportRequestError('no such study');
  const { sha256 } = await (options.blobs ?? fileBlobStore()).put(bytes);
  return db.$transaction(async (tx) => {
    const job = await enqueueJob(
      tx,
      importFhirPatients,
      { studyId, siteCode, blobSha256: sha256 },
      { studyId, subjectRef: sha256, createdById: actor.userId },
    );
    await recordAuditEvent(tx, {
      actor,
      action: 'import.fhir',
      entityType: 'Job',
      entityIds: [job.id],
      requestId: options.requestId,
      detail: { studyId, siteCode, sha256, bytes: bytes.byteLength },
    });
    return job;
  });
}
