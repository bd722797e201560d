import { builder } from '../../../builder.ts';

builder.prismaNode('ApiToken', {
  id: { field: 'id' },
  fields: (t) => ({
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix'),
    scopes: t.exposeStringList('scopes'),
    owner: t.relation('owner'),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
