/** The Pothos schema builder: plugins, scalars, context and auth scopes only. Types live in graphql/modules. */
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import type PrismaTypes from '../generated/pothos-types.ts';
import { getDatamodel } from '../generated/pothos-types.ts';
import type { Scope } from '../lib/auth/scopes.ts';
import type { AuthedContext, GraphQLContext } from './context.ts';
import { ForbiddenError } from './modules/global/errors.ts';

export const QUERY_LIMITS = { depth: 10, breadth: 200, complexity: 2000 };

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  PrismaTypes: PrismaTypes;
  AuthScopes: { loggedIn: boolean; scope: Scope };
  AuthContexts: { loggedIn: AuthedContext; scope: AuthedContext };
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: string; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
    BigInt: { Input: bigint; Output: bigint | number | string };
  };
}>({
  // Errors first so that a refusal by scope-auth can surface as a ForbiddenError member of a result union.
  plugins: [ErrorsPlugin, ScopeAuthPlugin, PrismaPlugin, RelayPlugin, ComplexityPlugin, ValidationPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: (ctx) => ({
      loggedIn: !!ctx.actor,
      scope: (scope) => ctx.actor?.scopes.has(scope) ?? false,
    }),
    unauthorizedError: (_parent, ctx, info, result) => {
      const field = `${info.parentType.name}.${info.fieldName}`;
      ctx.denied.push({ field, reason: result.message });
      return new ForbiddenError(ctx.actor ? `Not permitted: ${field}` : 'Sign in or send an API token');
    },
  },
  errors: { defaultTypes: [] },
  prisma: {
    client: (ctx) => ctx.db,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
  },
  // node/nodes are off: every read goes through a root field that checks scopes and writes the audit log.
  relay: {
    cursorType: 'String',
    clientMutationId: 'omit',
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
  complexity: { defaultComplexity: 1, defaultListMultiplier: 10, limit: QUERY_LIMITS },
});

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
