/**
 * GET /api/documents/:id/pages/:page — one page of a document as a PNG (an image as OCR saw it, or a rendered PDF
 * page), for drawing OCR words and finding boxes over it. Needs read:documents; every read is audited.
 */
import crypto from 'node:crypto';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { hasScope } from '@/lib/auth/actor';
import { authenticateRequest } from '@/lib/auth/authenticate-request';
import { auditedRead } from '@/lib/audit/audited-read';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { isDocumentReadError } from '@/lib/documents/document-read-error';
import { renderPageImage } from '@/lib/documents/render-page-image';
import { appServices } from '@/lib/server/app-context';
import { fileBlobStore } from '@/lib/storage/blob-store';

export const dynamic = 'force-dynamic';

const fail = (status: number, message: string) => Response.json({ error: message }, { status });

export async function GET(req: Request, { params }: { params: Promise<{ id: string; page: string }> }) {
  const { db } = appServices();
  const requestId = crypto.randomUUID();
  const auth = await authenticateRequest(db, req.headers, requestId);
  if (!auth.ok) return fail(401, auth.message);
  if (!hasScope(auth.actor, 'read:documents')) {
    await recordAuditEvent(db, { actor: auth.actor, action: 'document.page', outcome: 'DENIED', requestId });
    return fail(auth.actor ? 403 : 401, 'Forbidden');
  }
  const raw = await params;
  let id = raw.id;
  try {
    const g = decodeGlobalID(id);
    if (g.typename === 'Document') id = g.id;
  } catch {
    // a raw id
  }
  const page = /^\d{1,4}$/.test(raw.page) ? Number(raw.page) : 0;
  if (page < 1) return fail(400, 'The page is a number from 1');
  const doc = await auditedRead({
    db,
    actor: auth.actor,
    requestId,
    action: 'document.page',
    entityType: 'Document',
    detail: { page },
    read: (tx) =>
      tx.document.findUnique({ where: { id }, select: { patientId: true, sha256: true, mimeType: true } }),
    reveals: (d) => ({ entityIds: [id], patientIds: d ? [d.patientId] : [] }),
  });
  if (!doc) return fail(404, 'No document with that id');
  let png: Buffer | null;
  try {
    png = await renderPageImage(await fileBlobStore().get(doc.sha256), doc.mimeType, page);
  } catch (e) {
    if (isDocumentReadError(e)) return fail(422, e.message);
    throw e;
  }
  if (!png) return fail(404, `The document has no page ${page} image`);
  return new Response(new Uint8Array(png), {
    headers: {
      'content-type': 'image/png',
      // A document's bytes never change (content-addressed); keep the page in this browser only.
      'cache-control': 'private, max-age=3600',
      'x-content-type-options': 'nosniff',
    },
  });
}
