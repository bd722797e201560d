/**
 * /api/graphql/stream: subscriptions over Server-Sent Events (graphql-sse), authenticated like /api/graphql,
 * with scope checks at subscribe time and refusals audited.
 */
import crypto from 'node:crypto';
import { specifiedRules, validate } from 'graphql';
import { createHandler } from 'graphql-sse/lib/use/fetch';
import { QUERY_LIMITS } from '../builder.ts';
import { depthLimitRule } from './depth-limit-rule.ts';
import { authenticateRequest } from '../../lib/auth/authenticate-request.ts';
import type { Db } from '../../lib/db/client.ts';
import type { GraphQLContext } from '../context.ts';
import { schema } from '../schema.ts';
import { auditDenied } from './audit-denied-plugin.ts';

const contexts = new WeakMap<Request, GraphQLContext>();

const handler = createHandler<Record<string, unknown>>({
  schema,
  validate: (s, document) => validate(s, document, [...specifiedRules, depthLimitRule(QUERY_LIMITS.depth)]),
  context: (req) => contexts.get(req.raw) as unknown as Record<string, unknown>,
  onOperation: async (ctx, _req, _args, result) => {
    await auditDenied(ctx as unknown as GraphQLContext);
    return result;
  },
});

export async function handleGraphQLStream(
  req: Request,
  services: { db: Db; databaseUrl: string },
): Promise<Response> {
  const requestId = crypto.randomUUID();
  const auth = await authenticateRequest(services.db, req.headers, requestId);
  if (!auth.ok) {
    return Response.json(
      { errors: [{ message: auth.message, extensions: { code: 'UNAUTHENTICATED' } }] },
      { status: 401 },
    );
  }
  contexts.set(req, { ...services, actor: auth.actor, requestId, denied: [] });
  return handler(req);
}
