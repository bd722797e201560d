/**
 * API latency at 10,000 patients × 20 findings: the patients list (50 rows with finding counts) and
 * patient(id) with its findings, through the production server (`next start`), with autocannon on loopback.
 *   node --import tsx bench/api-latency.bench.ts [--seconds 15] [--connections 1,10]
 * One connection measures latency alone; more connections measure throughput (and latency under queueing).
 * Writes bench/results/api-latency.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { encodeGlobalID } from '@pothos/plugin-relay';
import autocannon from 'autocannon';
import pg from 'pg';
import { createApiToken } from '../lib/auth/api-tokens.ts';
import { createPrismaClient } from '../lib/db/client.ts';
import { createUser } from '../lib/users/create-user.ts';
import { root, startBenchDatabase, startBenchWeb } from './bench-server.ts';
import { machineLine, percentile } from './machine.ts';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '15' }, connections: { type: 'string', default: '1,10' } },
});
const SECONDS = Number(values.seconds);
const CONNECTIONS = values.connections.split(',').map(Number);
const PATIENTS = 10_000;
const FINDINGS = 20;

async function seed(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`INSERT INTO "Site"(id, "siteId", name) VALUES ('site-bench', 'BENCH', 'Bench site')`);
  await c.query(`INSERT INTO "Patient"(id, "siteId", mrn, pseudonym, "givenName", "familyName", "birthDate", sex, "updatedAt")
    SELECT 'p' || g, 'site-bench', 'M' || lpad(g::text, 7, '0'), 'PT-B' || lpad(g::text, 7, '0'),
           (ARRAY['Ann','Bob','Cleo','Dev','Eve','Finn','Gia','Hal'])[1 + g % 8], 'Family' || (g % 997),
           date '1940-01-01' + (g % 20000), CASE WHEN g % 2 = 0 THEN 'F' ELSE 'M' END, now()
    FROM generate_series(1, ${PATIENTS}) g`);
  await c.query(`INSERT INTO "Finding"(id, "patientId", kind, source, confidence, label, value, "valueNum", unit,
      "extractorId", "extractorVersion", "updatedAt")
    SELECT 'f' || p || '_' || i, 'p' || p, 'VITAL_SIGN', 'RULE', 0.9, 'Systolic blood pressure', (100 + i)::text,
           100 + i, 'mmHg', 'bench', '1', now()
    FROM generate_series(1, ${PATIENTS}) p, generate_series(1, ${FINDINGS}) i`);
  await c.query('ANALYZE');
  await c.end();
}

interface Run {
  name: string;
  connections: number;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  errors: number;
}

async function load(
  name: string,
  connections: number,
  url: string,
  token: string,
  bodies: string[],
): Promise<Run> {
  const times: number[] = [];
  let i = 0;
  const options: autocannon.Options = {
    url,
    connections,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length] }),
      },
    ],
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  return {
    name,
    connections,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    rps: result.requests.average,
    errors: result.errors + result.non2xx,
  };
}

const env = await startBenchDatabase();
const url = env.url;
console.log(`seeding ${PATIENTS} patients × ${FINDINGS} findings…`);
const t0 = Date.now();
await seed(url);
console.log(`seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
const db = createPrismaClient(url);
process.env.IMAGEHR_BCRYPT_COST = '4';
const user = await createUser(db, null, {
  email: 'bench@bench.imagehr.local',
  name: 'Bench',
  role: 'PHYSICIAN',
  password: 'bench-password-1',
});
const { secret } = await createApiToken({
  db,
  ownerId: user.id,
  name: 'bench',
  scopes: ['read:patients', 'read:phi', 'read:findings'],
});
const web = await startBenchWeb(env);
const endpoint = web.endpoint;

const LIST = 'patients list (50 rows + finding counts)';
const PATIENT = 'patient(id) with 20 findings';
const listQuery = `query($after: String, $sort: PatientSort) { patients(first: 50, after: $after, sort: $sort) {
  totalCount pageInfo { endCursor hasNextPage } edges { node { id displayName mrn sex birthDate findingCount } } } }`;
const sorts = [{ field: 'NAME' }, { field: 'MRN', direction: 'DESC' }, { field: 'CREATED_AT' }];
const listBodies = sorts.map((sort) => JSON.stringify({ query: listQuery, variables: { sort } }));
const patientQuery = `query($id: ID!) { patient(id: $id) { ... on QueryPatientSuccess { data {
  displayName mrn findingCount findings(first: 20) { totalCount edges { node { id label value unit status confidence } } } } } } }`;
const patientBodies = Array.from({ length: 500 }, (_, k) =>
  JSON.stringify({
    query: patientQuery,
    variables: { id: encodeGlobalID('Patient', `p${1 + ((k * 7919) % PATIENTS)}`) },
  }),
);

// Warm up both paths (JIT, connection pool, Postgres caches).
await load('warm-up', 4, endpoint, secret, [...listBodies, ...patientBodies.slice(0, 20)]).catch(
  () => undefined,
);
const runs: Run[] = [];
for (const connections of CONNECTIONS) {
  for (let r = 0; r < 3; r++) {
    runs.push(await load(LIST, connections, endpoint, secret, listBodies));
    runs.push(await load(PATIENT, connections, endpoint, secret, patientBodies));
  }
}
web.proc.kill('SIGTERM');
await db.$disconnect();
await env.stop();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => x.toFixed(1);
const rows = CONNECTIONS.flatMap((connections) =>
  [LIST, PATIENT].map((name) => {
    const rs = runs.filter((r) => r.name === name && r.connections === connections);
    return `| ${name} | ${connections} | ${ms(median(rs.map((r) => r.p50)))} | ${ms(median(rs.map((r) => r.p95)))} | ${ms(median(rs.map((r) => r.p99)))} | ${median(rs.map((r) => r.rps)).toFixed(0)} | ${rs.reduce((a, r) => a + r.errors, 0)} |`;
  }),
);
const load1 = os.loadavg()[0].toFixed(2);
const md = `## API latency (issue: platform foundation)

${machineLine()}. ${PATIENTS.toLocaleString('en')} patients × ${FINDINGS} findings (${(PATIENTS * FINDINGS).toLocaleString('en')} findings),
embedded PostgreSQL 18, \`next start\` (production build), API-token auth, every request audited in its transaction.
autocannon on loopback, ${SECONDS} s per run, 3 runs per query and connection count; medians of the runs'
percentiles (ms). Load average (1 min) at the end: ${load1}.

| query | connections | p50 | p95 | p99 | req/s | errors |
|---|---|---|---|---|---|---|
${rows.join('\n')}

Target: p95 < 50 ms at 10k patients. Reproduce: \`node --import tsx bench/api-latency.bench.ts\`.
`;
fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench/results/api-latency.md'), md);
console.log(md);
process.exit(0);
