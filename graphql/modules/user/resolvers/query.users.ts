import { builder } from '../../../builder.ts';

builder.queryField('users', (t) =>
  t.prismaConnection({
    type: 'User',
    cursor: 'id',
    authScopes: { scope: 'admin:users' },
    totalCount: (_p, _a, ctx) => ctx.db.user.count(),
    resolve: (query, _root, _args, ctx) =>
      ctx.db.user.findMany({ ...query, orderBy: [{ email: 'asc' }, { id: 'asc' }] }),
  }),
);
