/**
 * Upload-to-reviewable time for typed notes in the demo setup: multipart POST to /api/documents on the
 * production server, one `imagehr worker` process, measured until the document's job reports SUCCEEDED
 * (findings stored, ready for review), received over LISTEN/NOTIFY.
 *   node --import tsx bench/upload-to-reviewable.bench.ts [--notes 30]
 * Writes bench/results/upload-to-reviewable.md. Builds the portal first when its build is missing or stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createApiToken } from '../lib/auth/api-tokens.ts';
import { parseCsv } from '../lib/sdtm/csv/read-csv.ts';
import { createPrismaClient } from '../lib/db/client.ts';
import { JOB_CHANNEL, type JobEvent } from '../lib/jobs/job-events.ts';
import { pseudonymFor } from '../lib/patients/pseudonym.ts';
import { createUser } from '../lib/users/create-user.ts';
import { startBenchDatabase, startBenchWeb, startBenchWorker, root } from './bench-server.ts';
import { machineLine, percentile } from './machine.ts';

const { values } = parseArgs({ options: { notes: { type: 'string', default: '30' } } });
const N = Number(values.notes);

function mtsamples(n: number): string[] {
  const file = path.resolve(root, '../shared/corpus/notes/mtsamples/mtsamples_first401.csv');
  const rows = parseCsv(fs.readFileSync(file, 'utf8'));
  const col = rows[0].indexOf('transcription');
  return rows
    .slice(1)
    .map((r) => r[col])
    .filter((t) => t && t.length > 500 && t.length < 6000)
    .slice(0, n);
}

const env = await startBenchDatabase();
const db = createPrismaClient(env.url);
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
  scopes: ['write:documents', 'read:documents'],
});
const site = await db.site.create({ data: { siteId: 'B1', name: 'B1' } });
const patient = await db.patient.create({
  data: {
    siteId: site.id,
    mrn: 'M1',
    pseudonym: pseudonymFor('B1', 'M1'),
    givenName: 'A',
    familyName: 'B',
    sex: 'F',
  },
});
const web = await startBenchWeb(env);
const worker = startBenchWorker(env);
await new Promise((r) => setTimeout(r, 4000)); // worker up

const listener = new pg.Client({ connectionString: env.url });
await listener.connect();
const waiting = new Map<string, (e: JobEvent) => void>();
listener.on('notification', (m) => {
  const e = JSON.parse(m.payload ?? '{}') as JobEvent;
  if (e.status === 'SUCCEEDED' || e.status === 'FAILED') waiting.get(e.jobId)?.(e);
});
await listener.query(`LISTEN ${JOB_CHANNEL}`);

const notes = mtsamples(N + 3);
const times: number[] = [];
let failed = 0;
for (const [i, note] of notes.entries()) {
  const form = new FormData();
  form.set('patientId', patient.id);
  form.append('file', new File([note], `note-${i}.txt`, { type: 'text/plain' }));
  const t0 = performance.now();
  const res = await fetch(`${web.base}/api/documents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}` },
    body: form,
  });
  const body = (await res.json()) as { results: { jobId: string | null }[] };
  const jobId = body.results[0]?.jobId;
  if (!jobId) throw new Error(`upload refused: ${JSON.stringify(body)}`);
  const event = await new Promise<JobEvent>((resolve) => waiting.set(jobId, resolve));
  const ms = performance.now() - t0;
  if (event.status !== 'SUCCEEDED') failed++;
  if (i >= 3) times.push(ms); // the first three warm up the worker and server
}
times.sort((a, b) => a - b);
const findings = await db.finding.count();
await listener.end();
worker.kill('SIGTERM');
web.proc.kill('SIGTERM');
await db.$disconnect();
await env.stop();

const md = `## Upload to reviewable (issue: documents to reviewed findings)

${machineLine()}. ${times.length} MTSamples notes (500–6,000 characters) uploaded one at a time as multipart
POST /api/documents (API token) to \`next start\`; one \`imagehr worker\` process; time until the document job's
SUCCEEDED event (text read, findings extracted and stored) arrives over LISTEN/NOTIFY. 3 warm-up uploads excluded.

| p50 | p95 | max | failed | findings stored |
|---|---|---|---|---|
| ${percentile(times, 50).toFixed(0)} ms | ${percentile(times, 95).toFixed(0)} ms | ${times[times.length - 1].toFixed(0)} ms | ${failed} | ${findings} |

Target: p50 ≤ 2 s. Reproduce: \`node --import tsx bench/upload-to-reviewable.bench.ts\`.
`;
fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench/results/upload-to-reviewable.md'), md);
console.log(md);
process.exit(0);
