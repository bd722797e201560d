/**
 * jobProgress / jobsForStudy over SSE (graphql-sse), through the real stream handler: events published by
 * another process via NOTIFY reach every subscriber; scopes are checked on subscribe and refusals audited.
 */
import { spawnSync } from 'node:child_process';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { createClient } from 'graphql-sse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleGraphQLStream } from '../../graphql/server/handle-graphql-stream.ts';
import { closeListener } from '../../lib/pubsub/pg-listener.ts';
import { seedStudy, seedUser } from '../setup/factories.ts';
import { createGraphQLHarness, sessionCookie, type GraphQLHarness } from '../setup/graphql-harness.ts';

let h: GraphQLHarness;
let physicianId: string;

beforeAll(async () => {
  h = await createGraphQLHarness();
  physicianId = (await seedUser(h.db, 'PHYSICIAN')).user.id;
});
afterAll(async () => {
  await closeListener();
  await h.close();
});

function client(cookie?: string) {
  return createClient({
    url: 'http://localhost/api/graphql/stream',
    retryAttempts: 0,
    headers: cookie ? { cookie } : {},
    fetchFn: (input: RequestInfo | URL, init?: RequestInit) =>
      handleGraphQLStream(new Request(input, init), { db: h.db, databaseUrl: h.url }),
  });
}

/** Publishes job events from a separate OS process, as a worker on another machine would. */
function notifyFromAnotherProcess(events: object[]) {
  const script = `
    import pg from 'pg';
    const c = new pg.Client({ connectionString: process.argv[1] });
    await c.connect();
    for (const e of JSON.parse(process.argv[2])) await c.query('SELECT pg_notify($1, $2)', ['imagehr_job_events', JSON.stringify(e)]);
    await c.end();`;
  const r = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', script, h.url, JSON.stringify(events)],
    {
      encoding: 'utf8',
    },
  );
  expect(r.status, r.stderr).toBe(0);
}

const event = (
  jobId: string,
  studyId: string | null,
  status: string,
  progress: number,
  message: string | null,
) => ({
  jobId,
  studyId,
  type: 'document.process',
  status,
  progress,
  message,
  error: null,
});

describe('subscriptions', () => {
  it('delivers events from another process to two subscribers, filtered by job and by study', async () => {
    const study = await seedStudy(h.db);
    const cookie = await sessionCookie(physicianId);
    const byJob = client(cookie).iterate({
      query: 'subscription($id: ID!) { jobProgress(jobId: $id) { jobId status progress message } }',
      variables: { id: encodeGlobalID('Job', 'job-1') },
    });
    const byStudy = client(cookie).iterate({
      query: 'subscription($id: ID!) { jobsForStudy(studyId: $id) { jobId status } }',
      variables: { id: encodeGlobalID('Study', study.id) },
    });
    const firstJob = byJob.next();
    const firstStudy = byStudy.next();
    await new Promise((r) => setTimeout(r, 400)); // both LISTENing
    notifyFromAnotherProcess([
      event('job-2', 'other-study', 'RUNNING', 0.1, 'not for us'),
      event('job-1', study.id, 'RUNNING', 0.4, 'OCR page 2/5'),
      event('job-1', study.id, 'SUCCEEDED', 1, 'done'),
    ]);
    const a = await firstJob;
    expect(a.value.data.jobProgress).toEqual({
      jobId: encodeGlobalID('Job', 'job-1'),
      status: 'RUNNING',
      progress: 0.4,
      message: 'OCR page 2/5',
    });
    expect((await byJob.next()).value.data.jobProgress.status).toBe('SUCCEEDED');
    expect((await firstStudy).value.data.jobsForStudy.jobId).toBe(encodeGlobalID('Job', 'job-1'));
    await byJob.return?.(undefined);
    await byStudy.return?.(undefined);
  });

  it('refuses an anonymous subscriber at subscribe time and audits it', async () => {
    const before = await h.db.auditEvent.count({
      where: { outcome: 'DENIED', entityIds: { has: 'Subscription.jobProgress' } },
    });
    const it = client().iterate({
      query: 'subscription { jobProgress(jobId: "x") { status } }',
    });
    const first = await it.next().catch((e: unknown) => ({ value: e, done: true }));
    expect(JSON.stringify(first.value)).toMatch(/Sign in|Not authorized|FORBIDDEN/i);
    await it.return?.(undefined);
    const after = await h.db.auditEvent.count({
      where: { outcome: 'DENIED', entityIds: { has: 'Subscription.jobProgress' } },
    });
    expect(after).toBe(before + 1);
  });
});
