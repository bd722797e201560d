import { ZodError } from 'zod';
import { builder } from '../../../builder.ts';
import { createUser, UserExistsError } from '../../../../lib/users/create-user.ts';
import { ConflictError } from '../../global/errors.ts';
import { STANDARD_ERRORS, fromZod } from '../../global/error-types.ts';
import { RoleEnum } from '../types/user.ts';

builder.mutationField('createUser', (t) =>
  t.prismaField({
    type: 'User',
    authScopes: { scope: 'admin:users' },
    errors: { types: [...STANDARD_ERRORS, ConflictError] },
    args: {
      email: t.arg.string({ required: true }),
      name: t.arg.string({ required: true }),
      role: t.arg({ type: RoleEnum, required: true }),
      password: t.arg.string({ required: true }),
    },
    resolve: async (_query, _root, args, ctx) => {
      try {
        return await createUser(ctx.db, ctx.actor, args, ctx.requestId);
      } catch (e) {
        if (e instanceof ZodError) throw fromZod(e);
        if (e instanceof UserExistsError) throw new ConflictError(e.message);
        throw e;
      }
    },
  }),
);
