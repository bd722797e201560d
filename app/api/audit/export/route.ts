/** GET /api/audit/export?action=&outcome=&from=&to= : the audit log as CSV, for admins (read:audit). */
import crypto from 'node:crypto';
import { auditCsv } from '@/lib/audit/audit-csv';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { authenticateRequest } from '@/lib/auth/authenticate-request';
import { hasScope } from '@/lib/auth/actor';
import { appServices } from '@/lib/server/app-context';

export const dynamic = 'force-dynamic';

const OUTCOMES = new Set(['SUCCESS', 'DENIED', 'ERROR']);

export async function GET(req: Request) {
  const { db } = appServices();
  const requestId = crypto.randomUUID();
  const auth = await authenticateRequest(db, req.headers, requestId);
  if (!auth.ok) return new Response(auth.message, { status: 401 });
  if (!hasScope(auth.actor, 'read:audit')) {
    await recordAuditEvent(db, { actor: auth.actor, action: 'audit.export', outcome: 'DENIED', requestId });
    return new Response('Forbidden', { status: auth.actor ? 403 : 401 });
  }
  const q = new URL(req.url).searchParams;
  const date = (s: string | null) => (s && !Number.isNaN(Date.parse(s)) ? new Date(s) : null);
  const outcome = q.get('outcome');
  const filter = {
    action: q.get('action'),
    outcome: outcome && OUTCOMES.has(outcome) ? (outcome as 'SUCCESS') : null,
    actorUserId: q.get('actorUserId'),
    from: date(q.get('from')),
    to: date(q.get('to')),
  };
  await recordAuditEvent(db, { actor: auth.actor, action: 'audit.export', requestId, detail: { filter } });
  const rows = auditCsv(db, filter);
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await rows.next();
      if (done) controller.close();
      else controller.enqueue(new TextEncoder().encode(value));
    },
  });
  return new Response(stream, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`,
    },
  });
}
