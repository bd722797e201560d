import { builder } from '../../../builder.ts';
import { Viewer } from '../types/user.ts';

builder.queryField('me', (t) =>
  t.field({
    type: Viewer,
    nullable: true,
    description: 'The signed-in user or token, or null when anonymous.',
    resolve: (_root, _args, ctx) =>
      ctx.actor
        ? {
            userId: ctx.actor.userId,
            email: ctx.actor.email,
            role: ctx.actor.role,
            viaToken: !!ctx.actor.tokenId,
            scopes: [...ctx.actor.scopes].sort(),
          }
        : null,
  }),
);
