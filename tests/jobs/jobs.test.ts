/** The job system on real PostgreSQL and graphile-worker: transactional enqueue, progress, retries, crashes. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueJob } from '../../lib/jobs/enqueue-job.ts';
import { jobEvents } from '../../lib/jobs/job-event-stream.ts';
import type { JobEvent } from '../../lib/jobs/job-events.ts';
import { closeListener } from '../../lib/pubsub/pg-listener.ts';
import { enqueueFhirImport } from '../../lib/fhir/enqueue-fhir-import.ts';
import { startWorker } from '../../workers/start-worker.ts';
import { actorFor, seedStudy, seedUser } from '../setup/factories.ts';
import { createTestDatabase, type TestDatabase } from '../setup/test-database.ts';
import { brokenJob, flakyJob, slowJob } from './fixtures/test-job-definitions.ts';

let t: TestDatabase;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'imagehr-jobs-'));

beforeAll(async () => {
  process.env.IMAGEHR_DATA_DIR = dataDir;
  t = await createTestDatabase();
});
afterAll(async () => {
  await closeListener();
  await t.close();
});

async function waitFor<T>(fn: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const queued = async () =>
  Number((await t.db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker.jobs`)[0].n);

describe('enqueue', () => {
  it('enqueues in the caller transaction: a rollback leaves no Job row and no queue entry', async () => {
    const before = { jobs: await t.db.job.count(), queue: await queued() };
    await expect(
      t.db.$transaction(async (tx) => {
        await enqueueJob(tx, slowJob, { sleepMs: 1 });
        throw new Error('the write that caused the job failed');
      }),
    ).rejects.toThrow(/failed/);
    expect(await t.db.job.count()).toBe(before.jobs);
    expect(await queued()).toBe(before.queue);

    const job = await t.db.$transaction((tx) => enqueueJob(tx, slowJob, { sleepMs: 1 }));
    expect(await t.db.job.count()).toBe(before.jobs + 1);
    expect(await queued()).toBe(before.queue + 1);
    await t.db.$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE payload->>'jobId' = ${job.id}`;
  });

  it('rejects a payload that does not match the job schema before writing anything', async () => {
    const before = await t.db.job.count();
    await expect(
      t.db.$transaction((tx) =>
        enqueueJob(tx, slowJob, { sleepMs: 'soon' } as unknown as { sleepMs: number }),
      ),
    ).rejects.toThrow();
    expect(await t.db.job.count()).toBe(before);
  });
});

describe('workers', () => {
  it('imports a FHIR bundle through the queue, publishing progress to a listener on another connection', async () => {
    const { user } = await seedUser(t.db, 'COORDINATOR');
    const study = await seedStudy(t.db);
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [1, 2, 3].map((i) => ({
        resource: {
          resourceType: 'Patient',
          id: `p${i}`,
          identifier: [{ type: { coding: [{ code: 'MR' }] }, value: `M${i}` }],
          name: [{ family: `Family${i}`, given: ['Given'] }],
          gender: 'female',
          birthDate: '1970-01-0' + i,
        },
      })),
    };
    const events: JobEvent[] = [];
    const stream = jobEvents(t.url, (e) => e.studyId === study.id);
    const collecting = (async () => {
      for await (const e of stream) {
        events.push(e);
        if (e.status === 'SUCCEEDED' || e.status === 'FAILED') break;
      }
    })();
    await new Promise((r) => setTimeout(r, 200)); // LISTEN issued
    const job = await enqueueFhirImport({
      db: t.db,
      actor: actorFor(user),
      studyId: study.id,
      siteCode: 'SITE9',
      bytes: Buffer.from(JSON.stringify(bundle)),
    });
    const worker = await startWorker({ databaseUrl: t.url, concurrency: 1 });
    try {
      await collecting;
    } finally {
      await worker.stop();
    }
    const done = await t.db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(done).toMatchObject({ status: 'SUCCEEDED', progress: 1, attempts: 1 });
    expect(events.map((e) => e.status)).toEqual(expect.arrayContaining(['QUEUED', 'RUNNING', 'SUCCEEDED']));
    expect(events.map((e) => e.message)).toContain('patient 2/3');
    expect(await t.db.subject.count({ where: { studyId: study.id } })).toBe(3);
    // Payloads and events carry ids only.
    expect(JSON.stringify(events)).not.toContain('Family1');
    const row = await t.db.$queryRaw<
      { payload: unknown }[]
    >`SELECT payload FROM graphile_worker._private_jobs LIMIT 1`;
    expect(JSON.stringify(row)).not.toContain('Family');
  });

  it('retries a transient failure with backoff, then succeeds', async () => {
    const job = await t.db.$transaction((tx) => enqueueJob(tx, flakyJob, {}));
    const worker = await startWorker({ databaseUrl: t.url, concurrency: 1, extraDefinitions: [flakyJob] });
    try {
      const failedOnce = await waitFor(async () => {
        const j = await t.db.job.findUnique({ where: { id: job.id } });
        return j?.status === 'QUEUED' && j.attempts === 1 ? j : null;
      });
      expect(failedOnce.error).toMatch(/attempt 1 failed: transient/);
      // The Job row says QUEUED just before graphile-worker records the failure and its backoff: wait for that.
      const { delay } = await waitFor(async () => {
        const [row] = await t.db.$queryRaw<{ delay: number; last_error: string | null }[]>`
          SELECT extract(epoch FROM run_at - now())::float AS delay, last_error
          FROM graphile_worker._private_jobs WHERE payload->>'jobId' = ${job.id}`;
        return row?.last_error ? row : null;
      });
      expect(delay).toBeGreaterThan(0.5); // backed off, not retried at once
      await t.db
        .$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE payload->>'jobId' = ${job.id}`;
      const done = await waitFor(async () => {
        const j = await t.db.job.findUnique({ where: { id: job.id } });
        return j?.status === 'SUCCEEDED' ? j : null;
      });
      expect(done.attempts).toBe(2);
    } finally {
      await worker.stop();
    }
  });

  it('fails a permanent error at once, without retrying', async () => {
    const job = await t.db.$transaction((tx) => enqueueJob(tx, brokenJob, {}));
    const worker = await startWorker({ databaseUrl: t.url, concurrency: 1, extraDefinitions: [brokenJob] });
    try {
      const failed = await waitFor(async () => {
        const j = await t.db.job.findUnique({ where: { id: job.id } });
        return j?.status === 'FAILED' ? j : null;
      });
      expect(failed).toMatchObject({ attempts: 1, error: 'the file is not a DICOM file' });
      await new Promise((r) => setTimeout(r, 300));
      const left = await t.db.$queryRaw<
        unknown[]
      >`SELECT 1 FROM graphile_worker._private_jobs WHERE payload->>'jobId' = ${job.id}`;
      expect(left).toHaveLength(0);
    } finally {
      await worker.stop();
    }
  });

  it('runs again a job locked by a worker that died before its first heartbeat', async () => {
    const job = await t.db.$transaction((tx) => enqueueJob(tx, slowJob, { sleepMs: 1 }));
    // The state a worker leaves when it locks a job and is killed before it writes any heartbeat.
    await t.db.$executeRaw`UPDATE graphile_worker._private_jobs
      SET locked_by = 'ghost-worker', locked_at = now() - interval '1 minute', attempts = 1
      WHERE payload->>'jobId' = ${job.id}`;
    await t.db.job.update({ where: { id: job.id }, data: { status: 'RUNNING', workerId: 'ghost-worker' } });
    const worker = await startWorker({
      databaseUrl: t.url,
      concurrency: 1,
      leaseMs: 1500,
      extraDefinitions: [slowJob],
    });
    try {
      const done = await waitFor(async () => {
        const j = await t.db.job.findUnique({ where: { id: job.id } });
        return j?.status === 'SUCCEEDED' ? j : null;
      });
      expect(done.attempts).toBe(2);
    } finally {
      await worker.stop();
    }
  });

  it('runs again a job whose worker process was killed mid-job', { timeout: 90_000 }, async () => {
    const job = await t.db.$transaction((tx) => enqueueJob(tx, slowJob, { sleepMs: 600_000 }));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.resolve(import.meta.dirname, 'fixtures/slow-worker-process.ts'), t.url],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await waitFor(
        async () => (await t.db.job.findUnique({ where: { id: job.id } }))?.status === 'RUNNING',
        30_000,
      );
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      expect((await t.db.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe('RUNNING');

      // A surviving worker notices the silent heartbeat, unlocks the job, and runs it.
      const quick = { ...slowJob, load: async () => ({ run: async () => {} }) };
      const worker = await startWorker({
        databaseUrl: t.url,
        concurrency: 1,
        leaseMs: 1500,
        extraDefinitions: [quick],
      });
      try {
        const done = await waitFor(async () => {
          const j = await t.db.job.findUnique({ where: { id: job.id } });
          return j?.status === 'SUCCEEDED' ? j : null;
        }, 30_000);
        expect(done.attempts).toBe(2);
      } finally {
        await worker.stop();
      }
    } finally {
      child.kill('SIGKILL');
    }
  });
});
