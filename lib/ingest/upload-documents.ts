/**
 * A multipart upload of one or more files for a patient. Each file is checked (type sniffed from its bytes) and
 * ingested on its own: one bad file gets its own clear error and the rest of the batch goes through.
 */
import { isDocumentReadError } from '../documents/document-read-error.ts';
import { detectType } from '../documents/detect-type.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { ingestDocument, IngestError } from './ingest-document.ts';

export interface UploadFileResult {
  filename: string;
  status: 202 | 200 | 400 | 404 | 413 | 415;
  documentId?: string;
  jobId?: string | null;
  duplicate?: boolean;
  error?: string;
}

export async function uploadDocuments(o: {
  db: Db;
  actor: Actor;
  patientId: string;
  studyId: string | null;
  files: File[];
  maxFileBytes: number;
  requestId?: string;
}): Promise<UploadFileResult[]> {
  const results: UploadFileResult[] = [];
  for (const file of o.files) {
    const filename = file.name || 'upload';
    if (file.size > o.maxFileBytes) {
      results.push({ filename, status: 413, error: `File over ${o.maxFileBytes} bytes` });
      continue;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    let mimeType: string;
    try {
      mimeType = detectType(bytes, filename).mimeType;
    } catch (e) {
      if (!isDocumentReadError(e)) throw e;
      results.push({ filename, status: e.code === 'UNSUPPORTED_TYPE' ? 415 : 400, error: e.message });
      continue;
    }
    try {
      const r = await ingestDocument({ ...o, filename, mimeType, bytes });
      results.push({
        filename,
        status: r.duplicate ? 200 : 202,
        documentId: r.document.id,
        jobId: r.jobId,
        duplicate: r.duplicate,
      });
    } catch (e) {
      if (!(e instanceof IngestError)) throw e;
      results.push({ filename, status: e.status, error: e.message });
    }
  }
  return results;
}
