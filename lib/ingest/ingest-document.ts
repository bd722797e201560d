/**
 * Accepts an uploaded document for a patient: the bytes are stored by sha256; the same file for the same patient
 * is one document (a second upload returns it). The Document row, its processing job and the audit event commit
 * together.
 */
import type { Actor } from '../auth/actor.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Db } from '../db/client.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import { fileBlobStore, sha256Hex, type BlobStore } from '../storage/blob-store.ts';
import { processDocument } from '../../workers/definitions/process-document.ts';

export class IngestError extends Error {
  constructor(
    message: string,
    public readonly status: 400 | 404 | 413 | 415,
  ) {
    super(message);
  }
}

export interface IngestDocumentOptions {
  db: Db;
  actor: Actor;
  patientId: string;
  studyId?: string | null;
  filename: string;
  mimeType: string;
  bytes: Uint8Array;
  requestId?: string;
  blobs?: BlobStore;
}

export async function ingestDocument(o: IngestDocumentOptions) {
  const patient = await o.db.patient.findUnique({ where: { id: o.patientId } });
  if (!patient) throw new IngestError('no such patient', 404);
  if (o.studyId && !(await o.db.study.findUnique({ where: { id: o.studyId } })))
    throw new IngestError('no such study', 404);
  const sha256 = sha256Hex(o.bytes);
  const existing = await o.db.document.findUnique({
    where: { patientId_sha256: { patientId: o.patientId, sha256 } },
  });
  if (existing) return { document: existing, duplicate: true, jobId: null };
  await (o.blobs ?? fileBlobStore()).put(o.bytes);
  return o.db.$transaction(async (tx) => {
    const document = await tx.document.create({
      data: {
        patientId: o.patientId,
        studyId: o.studyId ?? null,
        title:
          [...o.filename]
            .filter((c) => c.charCodeAt(0) >= 32)
            .join('')
            .slice(0, 200) || 'untitled',
        mimeType: o.mimeType.slice(0, 100),
        sha256,
        byteSize: o.bytes.byteLength,
        uploadedById: o.actor.userId,
      },
    });
    const job = await enqueueJob(
      tx,
      processDocument,
      { documentId: document.id },
      {
        studyId: o.studyId ?? null,
        subjectRef: document.id,
        createdById: o.actor.userId,
        jobKey: `document:${document.id}`,
      },
    );
    await recordAuditEvent(tx, {
      actor: o.actor,
      action: 'document.upload',
      entityType: 'Document',
      entityIds: [document.id],
      patientIds: [o.patientId],
      requestId: o.requestId,
      after: { sha256, byteSize: o.bytes.byteLength, mimeType: document.mimeType },
    });
    return { document, duplicate: false, jobId: job.id };
  });
}
