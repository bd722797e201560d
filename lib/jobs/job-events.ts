/** Job progress travels as Postgres NOTIFY on one channel, so a worker in any process reaches every subscriber. */
import type { JobStatus } from '../../generated/prisma/enums.ts';

export const JOB_CHANNEL = 'imagehr_job_events';

export interface JobEvent {
  jobId: string;
  studyId: string | null;
  type: string;
  status: JobStatus;
  progress: number;
  message: string | null;
  error: string | null;
}

export interface SqlRunner {
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): Promise<number>;
}

/** Inside a transaction the notification is delivered at commit, and dropped on rollback. */
export async function notifyJobEvent(db: SqlRunner, event: JobEvent): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${JOB_CHANNEL}, ${JSON.stringify(event)})`;
}
