import { builder } from '../../../builder.ts';
import { LastAdminError, updateUser } from '../../../../lib/users/update-user.ts';
import { ConflictError, NotFoundError } from '../../global/errors.ts';
import { STANDARD_ERRORS } from '../../global/error-types.ts';
import { requireActor } from '../../global/require-actor.ts';
import { decodeIdArg } from '../../global/ids.ts';
import { RoleEnum } from '../types/user.ts';

builder.mutationField('updateUser', (t) =>
  t.prismaField({
    type: 'User',
    authScopes: { scope: 'admin:users' },
    errors: { types: [...STANDARD_ERRORS, ConflictError] },
    args: {
      id: t.arg.id({ required: true }),
      role: t.arg({ type: RoleEnum }),
      active: t.arg.boolean(),
    },
    resolve: async (_query, _root, args, ctx) => {
      const id = decodeIdArg(args.id, 'User');
      try {
        const user = id ? await updateUser(ctx.db, requireActor(ctx), id, args, ctx.requestId) : null;
        if (!user) throw new NotFoundError('No user with that id', 'User');
        return user;
      } catch (e) {
        if (e instanceof LastAdminError) throw new ConflictError(e.message);
        throw e;
      }
    },
  }),
);
