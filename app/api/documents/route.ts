/**
 * POST /api/documents — multipart/form-data with `patientId` (global or raw id), optional `studyId`, and one or
 * more `file` fields. Needs write:documents (session or API token). Answers per file: 202 queued, 200 already
 * there, 400/415/413 refused; the batch status is 202 if any file was accepted, else the first file's status.
 */
import crypto from 'node:crypto';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { hasScope } from '@/lib/auth/actor';
import { authenticateRequest } from '@/lib/auth/authenticate-request';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { config } from '@/lib/config';
import { uploadDocuments } from '@/lib/ingest/upload-documents';
import { appServices } from '@/lib/server/app-context';
import { BodyTooLargeError, readBodyBytes } from '@/graphql/server/read-body';

export const dynamic = 'force-dynamic';

const fail = (status: number, message: string) => Response.json({ error: message }, { status });

function rawId(value: FormDataEntryValue | null, typename: string): string | null {
  if (typeof value !== 'string' || !value) return null;
  try {
    const g = decodeGlobalID(value);
    return g.typename === typename ? g.id : null;
  } catch {
    return value;
  }
}

export async function POST(req: Request) {
  const { db } = appServices();
  const requestId = crypto.randomUUID();
  const auth = await authenticateRequest(db, req.headers, requestId);
  if (!auth.ok) return fail(401, auth.message);
  if (!auth.actor || !hasScope(auth.actor, 'write:documents')) {
    await recordAuditEvent(db, {
      actor: auth.actor,
      action: 'document.upload',
      outcome: 'DENIED',
      requestId,
    });
    return fail(auth.actor ? 403 : 401, 'Forbidden');
  }
  const type = req.headers.get('content-type') ?? '';
  if (!type.startsWith('multipart/form-data')) return fail(415, 'Send multipart/form-data with file fields');
  let body: Buffer;
  const limit = config.uploadMaxBytes * 4;
  try {
    body = await readBodyBytes(req, limit);
  } catch (e) {
    if (e instanceof BodyTooLargeError) return fail(413, `Upload over ${limit} bytes`);
    throw e;
  }
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { 'content-type': type } }).formData();
  } catch {
    return fail(400, 'Malformed multipart body');
  }
  const patientId = rawId(form.get('patientId'), 'Patient');
  if (!patientId) return fail(400, 'patientId is required');
  const files = form.getAll('file').filter((f): f is File => typeof f !== 'string');
  if (files.length === 0) return fail(400, 'No file fields');
  const results = await uploadDocuments({
    db,
    actor: auth.actor,
    patientId,
    studyId: rawId(form.get('studyId'), 'Study'),
    files,
    maxFileBytes: config.uploadMaxBytes,
    requestId,
  });
  const ok = results.some((r) => r.status === 202 || r.status === 200);
  return Response.json({ results }, { status: ok ? 202 : results[0].status });
}
