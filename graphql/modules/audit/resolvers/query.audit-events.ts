import { builder } from '../../../builder.ts';
import { auditWhere } from '../../../../lib/audit/query-audit-events.ts';
import { AuditFilterInput } from '../types/audit-event.ts';

builder.queryField('auditEvents', (t) =>
  t.prismaConnection({
    type: 'AuditEvent',
    cursor: 'id',
    authScopes: { scope: 'read:audit' },
    maxSize: 500,
    defaultSize: 100,
    args: { filter: t.arg({ type: AuditFilterInput }) },
    totalCount: (_p, args, ctx) => ctx.db.auditEvent.count({ where: auditWhere(args.filter ?? {}) }),
    resolve: (query, _root, args, ctx) =>
      ctx.db.auditEvent.findMany({ ...query, where: auditWhere(args.filter ?? {}), orderBy: { id: 'desc' } }),
  }),
);
