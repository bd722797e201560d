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
  const cutoff = new Date(Date.now() - leaseMs);
  const dead = await db.workerHeartbeat.findMany({ where: { lastSeen: { lt: cutoff } } });
  // A worker can lock a job and die before its first heartbeat is written. A live worker beats several times
  // per lease, so a lock older than the lease held by a worker with no heartbeat at all is a dead worker's.
  const unseen = await db.$queryRaw<{ locked_by: string }[]>`
    SELECT DISTINCT j.locked_by FROM graphile_worker._private_jobs j
    WHERE j.locked_by IS NOT NULL AND j.locked_at < ${cutoff}
      AND NOT EXISTS (SELECT 1 FROM "WorkerHeartbeat" h WHERE h."workerId" = j.locked_by)`;
  const ids = [...dead.map((d) => d.workerId), ...unseen.map((u) => u.locked_by)];
  if (ids.length === 0) return [];
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
