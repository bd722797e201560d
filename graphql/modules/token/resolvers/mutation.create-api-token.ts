import { encodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import { builder } from '../../../builder.ts';
import { requireActor } from '../../global/require-actor.ts';
import { TokenScopeError } from '../../../../lib/auth/api-tokens.ts';
import { issueApiToken } from '../../../../lib/auth/issue-api-token.ts';
import { NotFoundError, ValidationError } from '../../global/errors.ts';
import { STANDARD_ERRORS } from '../../global/error-types.ts';
import { decodeIdArg } from '../../global/ids.ts';

const CreatedToken = builder.objectRef<{ secret: string; tokenId: string }>('CreatedApiToken').implement({
  description: 'The secret is shown once, here, and never stored.',
  fields: (t) => ({
    secret: t.exposeString('secret'),
    tokenId: t.id({ resolve: (r) => encodeGlobalID('ApiToken', r.tokenId) }),
  }),
});

builder.mutationField('createApiToken', (t) =>
  t.field({
    type: CreatedToken,
    authScopes: { scope: 'admin:tokens' },
    errors: { types: [...STANDARD_ERRORS] },
    args: {
      name: t.arg.string({ required: true, validate: z.string().min(1).max(100) }),
      scopes: t.arg.stringList({ required: true }),
      ownerId: t.arg.id({ description: 'Global id of the owner; defaults to the caller' }),
      expiresAt: t.arg({ type: 'DateTime' }),
    },
    resolve: async (_root, args, ctx) => {
      const ownerId = args.ownerId ? decodeIdArg(args.ownerId, 'User') : requireActor(ctx).userId;
      if (!ownerId || !(await ctx.db.user.findUnique({ where: { id: ownerId } }))) {
        throw new NotFoundError('No user with that id', 'User');
      }
      if (args.expiresAt && args.expiresAt <= new Date()) {
        throw new ValidationError('Invalid input', [
          { path: ['expiresAt'], message: 'must be in the future' },
        ]);
      }
      try {
        const { token, secret } = await issueApiToken(
          ctx.db,
          requireActor(ctx),
          { ownerId, name: args.name, scopes: args.scopes, expiresAt: args.expiresAt },
          ctx.requestId,
        );
        return { secret, tokenId: token.id };
      } catch (e) {
        if (e instanceof TokenScopeError)
          throw new ValidationError(e.message, [{ path: ['scopes'], message: e.message }]);
        throw e;
      }
    },
  }),
);
