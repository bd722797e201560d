/**
 * Sends GraphQL requests through the real /api/graphql handler (body limits, authentication, Apollo, the
 * Pothos schema) against a fresh test database. Sessions are real NextAuth JWT cookies; tokens real API tokens.
 */
import { encode } from 'next-auth/jwt';
import { handleGraphQLRequest } from '../../graphql/server/handle-graphql-request.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

process.env.NEXTAUTH_SECRET ??= 'test-secret-for-vitest-only-0123456789';

export type As = { userId: string } | { token: string } | { raw: Record<string, string> } | null;

export interface GraphQLHarness extends TestDatabase {
  request(
    body: unknown,
    as?: As,
    init?: { rawBody?: string; headers?: Record<string, string> },
  ): Promise<Response>;
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    as?: As,
  ): Promise<{ data?: T; errors?: any[]; status: number }>;
}

export async function sessionCookie(userId: string): Promise<string> {
  const token = await encode({ token: { sub: userId }, secret: process.env.NEXTAUTH_SECRET! });
  return `next-auth.session-token=${token}`;
}

export async function createGraphQLHarness(): Promise<GraphQLHarness> {
  const t = await createTestDatabase();
  const services = { db: t.db, databaseUrl: t.url };
  const request: GraphQLHarness['request'] = async (body, as = null, init = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...init.headers };
    if (as && 'userId' in as) headers.cookie = await sessionCookie(as.userId);
    if (as && 'token' in as) headers.authorization = `Bearer ${as.token}`;
    if (as && 'raw' in as) Object.assign(headers, as.raw);
    return handleGraphQLRequest(
      new Request('http://localhost/api/graphql', {
        method: 'POST',
        headers,
        body: init.rawBody ?? JSON.stringify(body),
      }),
      services,
    );
  };
  return {
    ...t,
    request,
    async gql(query, variables, as) {
      const res = await request({ query, variables }, as);
      return { ...(await res.json()), status: res.status };
    },
  };
}
