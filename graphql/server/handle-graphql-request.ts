/**
 * The /api/graphql route: body limit, authentication (session cookie or API token), JSON parsing, then Apollo.
 * Each refusal is a clear JSON error with a status code and changes nothing.
 */
import crypto from 'node:crypto';
import { HeaderMap } from '@apollo/server';
import { authenticateRequest } from '../../lib/auth/authenticate-request.ts';
import { config } from '../../lib/config.ts';
import type { Db } from '../../lib/db/client.ts';
import type { GraphQLContext } from '../context.ts';
import { apolloServer } from './apollo-server.ts';
import { BodyTooLargeError, readBody } from './read-body.ts';

function errorResponse(status: number, code: string, message: string, requestId: string) {
  return Response.json(
    { errors: [{ message, extensions: { code } }] },
    { status, headers: { 'x-request-id': requestId } },
  );
}

export async function handleGraphQLRequest(
  req: Request,
  services: { db: Db; databaseUrl: string },
): Promise<Response> {
  const requestId = crypto.randomUUID();
  let rawBody: string;
  try {
    rawBody = req.method === 'POST' ? await readBody(req, config.graphqlMaxBodyBytes) : '';
  } catch (e) {
    if (e instanceof BodyTooLargeError) {
      return errorResponse(
        413,
        'PAYLOAD_TOO_LARGE',
        `Request body over ${config.graphqlMaxBodyBytes} bytes`,
        requestId,
      );
    }
    throw e;
  }
  let body: unknown = undefined;
  if (req.method === 'POST') {
    try {
      body = JSON.parse(rawBody);
    } catch {
      return errorResponse(400, 'BAD_REQUEST', 'Request body is not valid JSON', requestId);
    }
  }
  const auth = await authenticateRequest(services.db, req.headers, requestId);
  if (!auth.ok) return errorResponse(auth.status, 'UNAUTHENTICATED', auth.message, requestId);

  const headers = new HeaderMap();
  req.headers.forEach((value, key) => headers.set(key, value));
  const context: GraphQLContext = { ...services, actor: auth.actor, requestId, denied: [] };
  const server = await apolloServer();
  const result = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method.toUpperCase(), headers, search: new URL(req.url).search, body },
    context: async () => context,
  });
  const responseHeaders = new Headers({ 'x-request-id': requestId });
  for (const [k, v] of result.headers) responseHeaders.set(k, v);
  if (result.body.kind === 'complete') {
    return new Response(result.body.string, { status: result.status ?? 200, headers: responseHeaders });
  }
  const iterator = result.body.asyncIterator;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(new TextEncoder().encode(value));
    },
  });
  return new Response(stream, { status: result.status ?? 200, headers: responseHeaders });
}
