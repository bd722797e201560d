import { builder } from '../../../builder.ts';
import { auditedRead } from '../../../../lib/audit/audited-read.ts';
import { NotFoundError } from '../../global/errors.ts';
import { STANDARD_ERRORS } from '../../global/error-types.ts';
import { decodeIdArg } from '../../global/ids.ts';

builder.queryField('sdtmRecord', (t) =>
  t.prismaField({
    type: 'SdtmRecord',
    description: 'One SDTM record with the findings it came from: the way back to its evidence.',
    authScopes: { scope: 'read:sdtm' },
    errors: { types: [...STANDARD_ERRORS] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = decodeIdArg(args.id, 'SdtmRecord');
      const { record } = await auditedRead({
        db: ctx.db,
        actor: ctx.actor,
        requestId: ctx.requestId,
        action: 'sdtm.read',
        entityType: 'SdtmRecord',
        read: async (tx) => {
          const found = id ? await tx.sdtmRecord.findUnique({ ...query, where: { id } }) : null;
          const subject = found?.subjectId
            ? await tx.subject.findUnique({ where: { id: found.subjectId }, select: { patientId: true } })
            : null;
          return { record: found, patientId: subject?.patientId ?? null };
        },
        reveals: (r) => ({
          entityIds: [id ?? String(args.id)],
          patientIds: r.patientId ? [r.patientId] : [],
        }),
      });
      if (!record) throw new NotFoundError('No SDTM record with that id', 'SdtmRecord');
      return record;
    },
  }),
);
