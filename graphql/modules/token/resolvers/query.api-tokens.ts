import { builder } from '../../../builder.ts';

builder.queryField('apiTokens', (t) =>
  t.prismaField({
    type: ['ApiToken'],
    authScopes: { scope: 'admin:tokens' },
    resolve: (query, _root, _args, ctx) =>
      ctx.db.apiToken.findMany({ ...query, orderBy: { createdAt: 'desc' } }),
  }),
);
