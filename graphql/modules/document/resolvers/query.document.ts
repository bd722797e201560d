import { builder } from '../../../builder.ts';
import { auditedRead } from '../../../../lib/audit/audited-read.ts';
import { NotFoundError } from '../../global/errors.ts';
import { STANDARD_ERRORS } from '../../global/error-types.ts';
import { decodeIdArg } from '../../global/ids.ts';

builder.queryField('document', (t) =>
  t.prismaField({
    type: 'Document',
    description: 'One document with its text and findings, for review.',
    authScopes: { scope: 'read:documents' },
    errors: { types: [...STANDARD_ERRORS] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = decodeIdArg(args.id, 'Document');
      const document = await auditedRead({
        db: ctx.db,
        actor: ctx.actor,
        requestId: ctx.requestId,
        action: 'document.read',
        entityType: 'Document',
        read: (tx) => (id ? tx.document.findUnique({ ...query, where: { id } }) : Promise.resolve(null)),
        reveals: (d) => ({ entityIds: [id ?? String(args.id)], patientIds: d ? [d.patientId] : [] }),
      });
      if (!document) throw new NotFoundError('No document with that id', 'Document');
      return document;
    },
  }),
);

builder.queryField('reviewQueue', (t) =>
  t.prismaConnection({
    type: 'Document',
    cursor: 'id',
    description: 'Documents with findings waiting for review, oldest first.',
    authScopes: { scope: 'write:findings' },
    args: {
      studyId: t.arg.id(),
      uploadedByMe: t.arg.boolean({ description: 'Only documents the signed-in user uploaded' }),
    },
    totalCount: (_p, args, ctx) => ctx.db.document.count({ where: queueWhere(args, ctx.actor?.userId) }),
    resolve: (query, _root, args, ctx) =>
      auditedRead({
        db: ctx.db,
        actor: ctx.actor,
        requestId: ctx.requestId,
        action: 'document.queue',
        entityType: 'Document',
        read: (tx) =>
          tx.document.findMany({
            ...query,
            where: queueWhere(args, ctx.actor?.userId),
            orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          }),
        reveals: (docs) => ({ entityIds: docs.map((d) => d.id), patientIds: docs.map((d) => d.patientId) }),
      }),
  }),
);

function queueWhere(
  args: { studyId?: string | number | null; uploadedByMe?: boolean | null },
  userId: string | null | undefined,
) {
  const study = decodeIdArg(args.studyId, 'Study');
  return {
    findings: { some: { status: 'PROPOSED' as const } },
    ...(study ? { studyId: study } : {}),
    // A token without an owner uploads nothing: the filter then matches no document.
    ...(args.uploadedByMe ? { uploadedById: userId ?? '__none__' } : {}),
  };
}
