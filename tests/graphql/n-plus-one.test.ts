/**
 * Nested reads cost a fixed number of SQL statements, however many rows: counted from the statements the
 * database driver actually sends.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '../../generated/prisma/client.ts';
import { handleGraphQLRequest } from '../../graphql/server/handle-graphql-request.ts';
import { seedPatient, seedStudy, seedUser } from '../setup/factories.ts';
import { createGraphQLHarness, sessionCookie, type GraphQLHarness } from '../setup/graphql-harness.ts';

let h: GraphQLHarness;
let counted: PrismaClient;
let pool: pg.Pool;
let statements: string[] = [];
let userId: string;
const patientIds: string[] = [];
let rich: string;

beforeAll(async () => {
  h = await createGraphQLHarness();
  userId = (await seedUser(h.db, 'PHYSICIAN')).user.id;
  const study = await seedStudy(h.db);
  for (let i = 0; i < 12; i++)
    patientIds.push((await seedPatient(h.db, { studyId: study.id, findings: 5 })).id);
  rich = (await seedPatient(h.db, { studyId: study.id, findings: 40 })).id;
  for (let i = 0; i < 2; i++) {
    const other = await seedStudy(h.db);
    await h.db.subject.create({
      data: { studyId: other.id, patientId: rich, subjid: `R${i}`, usubjid: `R-${other.id}` },
    });
  }
  pool = new pg.Pool({ connectionString: h.url, max: 3 });
  // Count every statement any client of this pool sends.
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...a: unknown[]) => unknown;
    (client as unknown as { query: (...a: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const first = args[0] as string | { text?: string };
      statements.push(typeof first === 'string' ? first : (first?.text ?? ''));
      return query(...args);
    };
  });
  counted = new PrismaClient({ adapter: new PrismaPg(pool) });
});
afterAll(async () => {
  await counted.$disconnect();
  await pool.end().catch(() => undefined);
  await h.close();
});

async function run(query: string, variables: Record<string, unknown> = {}) {
  statements = [];
  const res = await handleGraphQLRequest(
    new Request('http://localhost/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: await sessionCookie(userId) },
      body: JSON.stringify({ query, variables }),
    }),
    { db: counted as never, databaseUrl: h.url },
  );
  const body = await res.json();
  expect(body.errors).toBeUndefined();
  const sql = statements.filter((s) => /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)/i.test(s));
  return { body, sql };
}

describe('no N+1 queries', () => {
  it('loads a patient with documents, findings, subjects and encounters in a fixed number of statements', async () => {
    const q = `query($id: ID!) { patient(id: $id) { ... on QueryPatientSuccess { data {
      displayName findingCount documentCount site { siteId }
      subjects { usubjid study { studyId } }
      encounters { kind startedAt }
      documents(first: 10) { totalCount edges { node { title } } }
      findings(first: 50) { totalCount edges { node { label value unit } } } } } } }`;
    const few = await run(q, { id: encodeGlobalID('Patient', patientIds[0]) });
    expect(few.body.data.patient.data.findings.edges).toHaveLength(5);
    const many = await run(q, { id: encodeGlobalID('Patient', rich) });
    expect(many.body.data.patient.data.findings.edges).toHaveLength(40);
    expect(many.body.data.patient.data.subjects).toHaveLength(3);
    // One statement per relation, never per row: the session user, the patient and each relation,
    // the audit insert, the two totalCounts.
    expect(many.sql.length).toBe(few.sql.length);
    expect(many.sql.length).toBeLessThanOrEqual(11);
  });

  it('lists 12 patients with counts and subjects in the same number of statements as 2 patients', async () => {
    const q = `query($n: Int) { patients(first: $n, sort: { field: NAME }) { totalCount edges { node {
      displayName findingCount documentCount subjects { usubjid } site { siteId } } } } }`;
    const small = await run(q, { n: 2 });
    const large = await run(q, { n: 12 });
    expect(large.body.data.patients.edges).toHaveLength(12);
    expect(large.body.data.patients.edges[0].node.findingCount).toBe(5);
    expect(large.sql.length).toBe(small.sql.length);
    // The finding and document counts are one batched query each for the whole page.
    expect(large.sql.length).toBeLessThanOrEqual(8);
  });
});
