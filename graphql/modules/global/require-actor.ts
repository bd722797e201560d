import type { Actor } from '../../../lib/auth/actor.ts';
import type { GraphQLContext } from '../../context.ts';
import { ForbiddenError } from './errors.ts';

/** For resolvers behind a scope check: the actor is known to be present; this makes it so for the types too. */
export function requireActor(ctx: GraphQLContext): Actor {
  if (!ctx.actor) throw new ForbiddenError('Sign in or send an API token');
  return ctx.actor;
}
