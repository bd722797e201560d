/**
 * Runs one job for graphile-worker: keeps the Job row (status, attempts, progress, error) true and announces
 * each change. Retries: a thrown error is retried by graphile-worker with exponential backoff until maxAttempts;
 * a PermanentJobError or an invalid payload fails the job at once.
 */
import type { Task } from 'graphile-worker';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import type { JobStatus } from '../../generated/prisma/enums.ts';
import { notifyJobEvent } from './job-events.ts';
import { PermanentJobError, type JobDefinition } from './job-definition.ts';

const envelope = z.object({ jobId: z.string(), version: z.number().int(), payload: z.unknown() });

function safeMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 500);
}

export function createTask(def: JobDefinition<unknown>, db: Db): Task {
  return async (rawPayload, helpers) => {
    const parsedEnvelope = envelope.safeParse(rawPayload);
    if (!parsedEnvelope.success) {
      helpers.logger.error(`job ${def.id}: malformed envelope, dropped`);
      return;
    }
    const { jobId } = parsedEnvelope.data;
    const job = await db.job.findUnique({ where: { id: jobId } });
    // The Job row is gone or finished (e.g. a duplicate delivery): nothing to do.
    if (!job || job.status === 'SUCCEEDED' || job.status === 'FAILED') return;

    const update = async (data: {
      status: JobStatus;
      progress?: number;
      message?: string | null;
      error?: string | null;
      startedAt?: Date;
      finishedAt?: Date;
      attempts?: number;
      workerId?: string | null;
    }) => {
      const row = await db.job.update({ where: { id: jobId }, data });
      await notifyJobEvent(db, {
        jobId,
        studyId: row.studyId,
        type: row.type,
        status: row.status,
        progress: row.progress,
        message: row.message,
        error: row.error,
      });
    };

    const attempt = helpers.job.attempts;
    await update({
      status: 'RUNNING',
      attempts: attempt,
      startedAt: new Date(),
      error: null,
      workerId: helpers.job.locked_by,
    });
    try {
      const payload = def.payload.safeParse(parsedEnvelope.data.payload);
      if (!payload.success) throw new PermanentJobError(`invalid payload for ${def.id}`);
      const handler = await def.load();
      await handler.run(
        {
          db,
          jobId,
          attempt,
          progress: (fraction, message) =>
            update({
              status: 'RUNNING',
              progress: Math.max(0, Math.min(1, fraction)),
              message: message ?? null,
            }),
        },
        payload.data,
      );
      await update({ status: 'SUCCEEDED', progress: 1, finishedAt: new Date(), message: 'done' });
    } catch (error) {
      const permanent = error instanceof PermanentJobError;
      if (permanent || attempt >= helpers.job.max_attempts) {
        await update({ status: 'FAILED', finishedAt: new Date(), error: safeMessage(error) });
        if (permanent) return; // completed from graphile-worker's point of view: never retried
        throw error;
      }
      await update({
        status: 'QUEUED',
        error: `attempt ${attempt} failed: ${safeMessage(error)}; will retry`,
      });
      throw error;
    }
  };
}
