import { builder } from '../../../builder.ts';
import { revokeApiToken } from '../../../../lib/auth/revoke-api-token.ts';
import { NotFoundError } from '../../global/errors.ts';
import { STANDARD_ERRORS } from '../../global/error-types.ts';
import { requireActor } from '../../global/require-actor.ts';
import { decodeIdArg } from '../../global/ids.ts';

builder.mutationField('revokeApiToken', (t) =>
  t.prismaField({
    type: 'ApiToken',
    authScopes: { scope: 'admin:tokens' },
    errors: { types: [...STANDARD_ERRORS] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_query, _root, args, ctx) => {
      const id = decodeIdArg(args.id, 'ApiToken');
      const token = id ? await revokeApiToken(ctx.db, requireActor(ctx), id, ctx.requestId) : null;
      if (!token) throw new NotFoundError('No token with that id', 'ApiToken');
      return token;
    },
  }),
);
