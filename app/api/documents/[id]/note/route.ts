/** GET /api/documents/:id/note?format=txt|fhir — the structured note of a reviewed document, audited. */
import crypto from 'node:crypto';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { hasScope } from '@/lib/auth/actor';
import { authenticateRequest } from '@/lib/auth/authenticate-request';
import { auditedRead } from '@/lib/audit/audited-read';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { loadStructuredNote } from '@/lib/notes/load-structured-note';
import { appServices } from '@/lib/server/app-context';

export const dynamic = 'force-dynamic';

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { db } = appServices();
  const requestId = crypto.randomUUID();
  const auth = await authenticateRequest(db, req.headers, requestId);
  if (!auth.ok) return Response.json({ error: auth.message }, { status: 401 });
  if (!hasScope(auth.actor, 'read:documents')) {
    await recordAuditEvent(db, { actor: auth.actor, action: 'document.note', outcome: 'DENIED', requestId });
    return Response.json({ error: 'Forbidden' }, { status: auth.actor ? 403 : 401 });
  }
  let id = (await params).id;
  try {
    const g = decodeGlobalID(id);
    if (g.typename === 'Document') id = g.id;
  } catch {
    // a raw id
  }
  const result = await auditedRead({
    db,
    actor: auth.actor,
    requestId,
    action: 'document.note',
    entityType: 'Document',
    read: (tx) => loadStructuredNote(tx, id),
    reveals: (r) => ({ entityIds: [id], patientIds: r ? [r.patientId] : [] }),
  });
  if (!result) return Response.json({ error: 'No processed document with that id' }, { status: 404 });
  const fhir = new URL(req.url).searchParams.get('format') === 'fhir';
  return fhir
    ? new Response(JSON.stringify(result.fhir, null, 2), {
        headers: {
          'content-type': 'application/fhir+json',
          'content-disposition': `attachment; filename="note-${id}.fhir.json"`,
        },
      })
    : new Response(result.note, {
        headers: {
          'content-type': 'text/plain; charset=utf-8',
          'content-disposition': `attachment; filename="note-${id}.txt"`,
        },
      });
}
