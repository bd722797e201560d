/**
 * POST /api/import/fhir?study=<study id>&site=<SITEID> with a FHIR Bundle (JSON) as the body.
 * Needs write:patients. Answers 202 with the job id; progress arrives over the jobs subscription.
 */
import crypto from 'node:crypto';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { hasScope } from '@/lib/auth/actor';
import { authenticateRequest } from '@/lib/auth/authenticate-request';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { config } from '@/lib/config';
import { enqueueFhirImport, ImportRequestError } from '@/lib/fhir/enqueue-fhir-import';
import { appServices } from '@/lib/server/app-context';
import { BodyTooLargeError, readBody } from '@/graphql/server/read-body';

export const dynamic = 'force-dynamic';

const fail = (status: number, message: string) => Response.json({ error: message }, { status });

export async function POST(req: Request) {
  const { db } = appServices();
  const requestId = crypto.randomUUID();
  const auth = await authenticateRequest(db, req.headers, requestId);
  if (!auth.ok) return fail(401, auth.message);
  if (!auth.actor || !hasScope(auth.actor, 'write:patients')) {
    await recordAuditEvent(db, { actor: auth.actor, action: 'import.fhir', outcome: 'DENIED', requestId });
    return fail(auth.actor ? 403 : 401, 'Forbidden');
  }
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/(fhir\+)?json\b/.test(type))
    return fail(415, 'Send a FHIR Bundle as application/fhir+json');
  let body: string;
  try {
    body = await readBody(req, config.uploadMaxBytes);
  } catch (e) {
    if (e instanceof BodyTooLargeError) return fail(413, `Upload over ${config.uploadMaxBytes} bytes`);
    throw e;
  }
  const q = new URL(req.url).searchParams;
  let studyId = q.get('study') ?? '';
  try {
    const g = decodeGlobalID(studyId);
    if (g.typename === 'Study') studyId = g.id;
  } catch {
    // a raw database id
  }
  try {
    const job = await enqueueFhirImport({
      db,
      actor: auth.actor,
      studyId,
      siteCode: q.get('site') ?? 'SITE01',
      bytes: Buffer.from(body, 'utf8'),
      requestId,
    });
    return Response.json({ jobId: job.id }, { status: 202 });
  } catch (e) {
    if (e instanceof ImportRequestError) return fail(400, e.message);
    throw e;
  }
}
