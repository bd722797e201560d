/**
 * A worker process: graphile-worker on the application database, running every registered job type.
 * Start any number of them (`imagehr worker`), on any machine that reaches the database.
 */
import { EventEmitter } from 'node:events';
import { makeWorkerUtils, run, type TaskList, type WorkerEvents } from 'graphile-worker';
import { createPrismaClient } from '../lib/db/client.ts';
import { quietGraphileLogger } from '../lib/db/migrate.ts';
import type { JobDefinition } from '../lib/jobs/job-definition.ts';
import { createTask } from '../lib/jobs/run-job.ts';
import { beat, forget, sweepDeadWorkers } from '../lib/jobs/worker-heartbeat.ts';
import { jobDefinitions } from './registry.ts';

export interface StartWorkerOptions {
  databaseUrl: string;
  concurrency?: number;
  /** Heartbeat lease: a worker silent this long is presumed dead. */
  leaseMs?: number;
  /** Extra job types (tests use this to run the real runtime with a controllable task). */
  extraDefinitions?: JobDefinition<any>[];
  log?: (message: string) => void;
}

export async function startWorker(options: StartWorkerOptions) {
  const leaseMs = options.leaseMs ?? Number(process.env.IMAGEHR_WORKER_LEASE_MS ?? 30_000);
  const log = options.log ?? (() => {});
  const db = createPrismaClient(options.databaseUrl, { max: (options.concurrency ?? 2) + 3 });
  const taskList: TaskList = {};
  for (const def of [...jobDefinitions, ...(options.extraDefinitions ?? [])])
    taskList[def.id] = createTask(def, db);

  const events: WorkerEvents = new EventEmitter();
  const workerIds = new Set<string>();
  // Jobs are locked in the name of the worker pool (locked_by = pool id), so that is what the heartbeat names.
  events.on('pool:create', ({ workerPool }) => {
    workerIds.add(workerPool.id);
  });
  events.on('job:error', ({ job, error }) =>
    log(
      `job ${job.task_identifier} attempt ${job.attempts} failed: ${String((error as Error)?.message ?? error)}`,
    ),
  );

  const runner = await run({
    connectionString: options.databaseUrl,
    concurrency: options.concurrency ?? 2,
    taskList,
    events,
    noHandleSignals: true,
    logger: quietGraphileLogger(),
  });
  const utils = await makeWorkerUtils({
    connectionString: options.databaseUrl,
    logger: quietGraphileLogger(),
  });

  const tick = async () => {
    await beat(db, [...workerIds]);
    const freed = await sweepDeadWorkers(db, utils, leaseMs);
    if (freed.length) log(`recovered ${freed.length} job(s) from a dead worker`);
  };
  await tick();
  const timer = setInterval(
    () => {
      tick().catch((e: unknown) => log(`heartbeat failed: ${String(e)}`));
    },
    Math.max(200, leaseMs / 3),
  );

  return {
    runner,
    async stop() {
      clearInterval(timer);
      await runner.stop();
      await forget(db, [...workerIds]);
      await utils.release();
      await db.$disconnect();
    },
  };
}
