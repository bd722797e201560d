import { builder } from '../../../builder.ts';

builder.queryField('studies', (t) =>
  t.prismaField({
    type: ['Study'],
    authScopes: { scope: 'read:patients' },
    resolve: (query, _root, _args, ctx) => ctx.db.study.findMany({ ...query, orderBy: { studyId: 'asc' } }),
  }),
);
