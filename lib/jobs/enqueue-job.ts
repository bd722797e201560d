/**
 * Enqueues a job in the caller's transaction: the Job row and graphile-worker's queue entry commit together
 * with the write that caused them, or not at all.
 */
import type { Prisma } from '../../generated/prisma/client.ts';
import { notifyJobEvent } from './job-events.ts';
import type { JobDefinition } from './job-definition.ts';

export interface EnqueueJobOptions {
  studyId?: string | null;
  /** Id of the entity worked on (document, image...), for display and de-duplication. */
  subjectRef?: string | null;
  createdById?: string | null;
  /** graphile-worker job key: a second enqueue with the same key replaces a pending one. */
  jobKey?: string;
}

export async function enqueueJob<P>(
  tx: Prisma.TransactionClient,
  def: JobDefinition<P>,
  payload: P,
  options: EnqueueJobOptions = {},
) {
  const parsed = def.payload.parse(payload);
  const job = await tx.job.create({
    data: {
      type: def.id,
      maxAttempts: def.maxAttempts,
      studyId: options.studyId ?? null,
      subjectRef: options.subjectRef ?? null,
      createdById: options.createdById ?? null,
    },
  });
  const envelope = JSON.stringify({ jobId: job.id, version: def.version, payload: parsed });
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    ${def.id}, ${envelope}::json, max_attempts => ${def.maxAttempts}::int, job_key => ${options.jobKey ?? null}::text)`;
  await notifyJobEvent(tx, {
    jobId: job.id,
    studyId: job.studyId,
    type: job.type,
    status: job.status,
    progress: 0,
    message: null,
    error: null,
  });
  return job;
}
