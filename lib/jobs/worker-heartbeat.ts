/**
 * Crash recovery. graphile-worker keeps a dead worker's jobs locked for 4 hours; instead each worker process
 * writes a heartbeat for its workers, and any process sweeps: workers silent for longer than the lease are
 * force-unlocked, so their jobs run again on a live worker.
 */
import os from 'node:os';
import type { WorkerUtils } from 'graphile-worker';
import type { Db } from '../db/client.ts';

export async function beat(db: Db, workerIds: string[]): Promise<void> {
  if (workerIds.length === 0) return;
  const processId = `${os.hostname()}:${process.pid}`;
  await db.$transaction(
    workerIds.map((workerId) =>
      db.workerHeartbeat.upsert({
        where: { workerId },
        create: { workerId, processId, hostname: os.hostname() },
        update: { lastSeen: new Date() },
      }),
    ),
  );
}

export async function forget(db: Db, workerIds: string[]): Promise<void> {
  await db.workerHeartbeat.deleteMany({ where: { workerId: { in: workerIds } } });
}

/** Unlocks the jobs of workers whose heartbeat is older than the lease; returns the ids of the Job rows freed. */
export async function sweepDeadWorkers(db: Db, utils: WorkerUtils, leaseMs: number): Promise<string[]> {
  const dead = await db.workerHeartbeat.findMany({
    where: { lastSeen: { lt: new Date(Date.now() - leaseMs) } },
  });
  if (dead.length === 0) return [];
  const ids = dead.map((d) => d.workerId);
  const lost = await db.job.findMany({
    where: { workerId: { in: ids }, status: 'RUNNING' },
    select: { id: true },
  });
  await utils.forceUnlockWorkers(ids);
  const jobIds = lost.map((j) => j.id);
  if (jobIds.length) {
    await db.job.updateMany({
      where: { id: { in: jobIds }, status: 'RUNNING' },
      data: { status: 'QUEUED', workerId: null, message: 'worker lost; job will run again' },
    });
  }
  await forget(db, ids);
  return jobIds;
}
