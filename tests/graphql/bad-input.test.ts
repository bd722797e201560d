/** Bad requests get clear errors with a status code, no stack traces, and change nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPatient, seedUser } from '../setup/factories.ts';
import { createGraphQLHarness, type GraphQLHarness } from '../setup/graphql-harness.ts';

let h: GraphQLHarness;
let userId: string;

beforeAll(async () => {
  h = await createGraphQLHarness();
  userId = (await seedUser(h.db, 'ADMIN')).user.id;
  await seedPatient(h.db, { familyName: 'Robert' });
});
afterAll(() => h.close());

const noStack = (text: string) => {
  expect(text).not.toMatch(/\n\s+at\s/);
  expect(text).not.toMatch(/stacktrace/i);
};

describe('bad input', () => {
  it('malformed JSON: 400', async () => {
    const res = await h.request(null, { userId }, { rawBody: '{"query": "{ me {' });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text).errors[0].message).toMatch(/not valid JSON/);
    noStack(text);
  });

  it('malformed GraphQL: 400 with GRAPHQL_PARSE_FAILED', async () => {
    const res = await h.request({ query: '{ patients { ' }, { userId });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text).errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    noStack(text);
  });

  it('unknown fields and wrong variable types: validation errors', async () => {
    const a = await h.gql('{ patients { nope } }', {}, { userId });
    expect(a.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const b = await h.gql('query($n: Int) { patients(first: $n) { totalCount } }', { n: 'ten' }, { userId });
    expect(b.status).toBe(400);
    expect(b.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses an over-deep query (nested introspection)', async () => {
    let inner = 'name';
    for (let i = 0; i < 12; i++) inner = `ofType { ${inner} }`;
    const r = await h.gql(`{ __schema { types { fields { type { ${inner} } } } } }`, {}, { userId });
    expect(r.data ?? null).toBeNull();
    expect(r.errors?.[0].message).toMatch(/depth/i);
    noStack(JSON.stringify(r));
  });

  it('refuses an over-complex query (many aliased lists)', async () => {
    const aliases = Array.from(
      { length: 30 },
      (_, i) => `p${i}: patients(first: 200) { edges { node { findingCount subjects { usubjid } } } }`,
    );
    const r = await h.gql(`{ ${aliases.join(' ')} }`, {}, { userId });
    expect(r.data ?? null).toBeNull();
    expect(r.errors?.[0].message).toMatch(/complexity|breadth/i);
    const before = await h.db.auditEvent.count();
    expect(before).toBeGreaterThan(0);
  });

  it('refuses an oversized body with 413 before parsing it', async () => {
    const big = 'x'.repeat(1024 * 1024 + 10);
    const res = await h.request(
      null,
      { userId },
      { rawBody: JSON.stringify({ query: `{ me { email } } # ${big}` }) },
    );
    expect(res.status).toBe(413);
    noStack(await res.text());
  });

  it('treats SQL in a search as text', async () => {
    const count = await h.db.patient.count();
    const r = await h.gql(
      'query($s: String) { patients(search: $s) { totalCount } }',
      { s: 'Robert\'); DROP TABLE "Patient";--' },
      { userId },
    );
    expect(r.data.patients.totalCount).toBe(0);
    expect(await h.db.patient.count()).toBe(count);
  });

  it('rejects an over-long search argument with a validation error', async () => {
    const r = await h.gql(
      'query($s: String) { patients(search: $s) { totalCount } }',
      { s: 'a'.repeat(500) },
      { userId },
    );
    expect(r.data ?? null).toBeNull();
    expect(r.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('masks unexpected errors', async () => {
    // A broken database connection is unexpected: the client sees a masked error with no internals.
    const broken = await import('../../lib/db/client.ts').then((m) =>
      m.createPrismaClient('postgresql://x:y@127.0.0.1:1/none'),
    );
    const { handleGraphQLRequest } = await import('../../graphql/server/handle-graphql-request.ts');
    const res = await handleGraphQLRequest(
      new Request('http://localhost/api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ me { email } studies { studyId } }' }),
      }),
      { db: broken, databaseUrl: 'postgresql://x:y@127.0.0.1:1/none' },
    ).catch((e: unknown) => e);
    expect(res).toBeInstanceOf(Response);
    const text = await (res as Response).text();
    noStack(text);
    expect(text).not.toContain('127.0.0.1');
  });
});
