/**
 * A background job: an id, a version, a zod payload (ids only, never PHI) and a lazily loaded handler.
 * Definitions live in workers/definitions; the handler module is imported only inside a worker.
 */
import type { z } from 'zod';
import type { Db } from '../db/client.ts';

export interface JobContext {
  db: Db;
  jobId: string;
  attempt: number;
  /** Reports progress (0..1) with a short PHI-free message, e.g. "OCR page 2/5". */
  progress(fraction: number, message?: string): Promise<void>;
}

export interface JobDefinition<P = unknown> {
  id: string;
  version: number;
  payload: z.ZodType<P>;
  maxAttempts: number;
  load(): Promise<{ run(ctx: JobContext, payload: P): Promise<void> }>;
}

/** A failure that a retry cannot fix (bad input, unknown model): the job fails at once. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

export function defineJob<P>(def: JobDefinition<P>): JobDefinition<P> {
  return def;
}
