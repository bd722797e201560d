/**
 * GET /api/studies/:studyId/sdtm?format=package|xlsx|define|csv|xpt — a study's SDTM records as a download
 * (default package). csv and xpt, one file per dataset, come zipped. Needs export:sdtm; the export and refusals
 * are audited. :studyId is the Study's GraphQL id, its database id or its STUDYID.
 */
import crypto from 'node:crypto';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { zipSync } from 'fflate';
import { hasScope } from '@/lib/auth/actor';
import { authenticateRequest } from '@/lib/auth/authenticate-request';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { exportStudy, isSdtmExportFormat } from '@/lib/sdtm/export/export-study';
import { safeFileName } from '@/lib/sdtm/export/write-package';
import { appServices } from '@/lib/server/app-context';

export const dynamic = 'force-dynamic';

function studyKey(raw: string): string {
  try {
    const g = decodeGlobalID(raw);
    if (g.typename === 'Study') return g.id;
  } catch {
    // not a global id: a database id or a STUDYID
  }
  return raw;
}

export async function GET(req: Request, { params }: { params: Promise<{ studyId: string }> }) {
  const { db } = appServices();
  const requestId = crypto.randomUUID();
  const auth = await authenticateRequest(db, req.headers, requestId);
  if (!auth.ok) return Response.json({ error: auth.message }, { status: 401 });
  if (!hasScope(auth.actor, 'export:sdtm')) {
    await recordAuditEvent(db, { actor: auth.actor, action: 'sdtm.export', outcome: 'DENIED', requestId });
    return Response.json({ error: 'Forbidden' }, { status: auth.actor ? 403 : 401 });
  }
  const format = new URL(req.url).searchParams.get('format') ?? 'package';
  if (!isSdtmExportFormat(format))
    return Response.json({ error: 'format is one of package, xlsx, define, csv, xpt' }, { status: 400 });
  const key = studyKey(decodeURIComponent((await params).studyId));
  const study = await db.study.findFirst({ where: { OR: [{ id: key }, { studyId: key }] } });
  if (!study) return Response.json({ error: 'No study with that id' }, { status: 404 });

  const result = await exportStudy({ db, studyId: study.id, format, actor: auth.actor, requestId });
  const [single] = result.files;
  const file =
    result.files.length === 1
      ? single
      : {
          name: `${safeFileName(study.studyId)}-sdtm-${format}.zip`,
          contentType: 'application/zip',
          data: zipSync(Object.fromEntries(result.files.map((f) => [f.name, f.data]))),
        };
  return new Response(Buffer.from(file.data), {
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.name}"`,
      'cache-control': 'no-store',
    },
  });
}
