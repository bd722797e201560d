/** The Apollo Server for /api/graphql, started once per process. */
import { ApolloServer } from '@apollo/server';
import type { GraphQLContext } from '../context.ts';
import { schema } from '../schema.ts';
import { auditDeniedPlugin } from './audit-denied-plugin.ts';
import { formatError } from './format-error.ts';
import { depthLimitRule } from './depth-limit-rule.ts';
import { QUERY_LIMITS } from '../builder.ts';

const g = globalThis as { __imagehrApollo?: Promise<ApolloServer<GraphQLContext>> };

export function apolloServer(): Promise<ApolloServer<GraphQLContext>> {
  g.__imagehrApollo ??= (async () => {
    const server = new ApolloServer<GraphQLContext>({
      schema,
      introspection: true,
      includeStacktraceInErrorResponses: false,
      formatError,
      plugins: [auditDeniedPlugin],
      validationRules: [depthLimitRule(QUERY_LIMITS.depth)],
    });
    await server.start();
    return server;
  })();
  return g.__imagehrApollo;
}
