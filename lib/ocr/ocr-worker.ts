/**
 * A small pool of tesseract.js workers, created lazily on first use and reused: loading the English LSTM model
 * takes about a second, recognising a page several. Everything is local — the model comes from the
 * `@tesseract.js-data/eng` package and the WebAssembly core from `tesseract.js-core` — so nothing is fetched and
 * nothing is cached to disk.
 *
 * Each worker runs one job at a time; with the default pool of one, jobs queue in order. `setOcrPoolSize(n)` lets
 * up to n jobs run at once (one core and ~150 MB each). A job that outlives its timeout has its worker terminated
 * and fails; a worker whose thread dies is dropped and the next job starts a fresh one. Call `shutdownOcr()` when
 * the process is done: live worker threads keep Node running.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import { OcrError } from './ocr-error.ts';

/**
 * `4.0.0_best_int`: the integer-quantised tessdata_best LSTM (2.9 MB download, LSTM only). `4.0.0`: the standard
 * tessdata bundle (LSTM plus the legacy engine's data, 10.9 MB). bench/results/ocr.md compares them.
 */
export type OcrModel = '4.0.0_best_int' | '4.0.0';

const DEFAULT_MODEL: OcrModel = '4.0.0_best_int';
const START_TIMEOUT_MS = 60_000;
export const DEFAULT_JOB_TIMEOUT_MS = 180_000;

interface Slot {
  model: OcrModel;
  worker: Promise<Worker>;
  busy: boolean;
  /** Rejects when the worker thread exits or fails; raced against every job on it. */
  gone: Promise<never>;
}

let poolSize = 1;
let slots: Slot[] = [];
const waiting: Array<() => void> = [];
const inFlight = new Set<Promise<unknown>>();

/** Directory holding `eng.traineddata.gz` for a model variant, resolved inside node_modules. */
export function modelDirectory(model: OcrModel = DEFAULT_MODEL): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), model);
}

/** How many workers (and so concurrent recognitions) the process may run. Default 1. */
export function setOcrPoolSize(size: number): void {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`OCR pool size must be a positive integer: ${size}`);
  poolSize = size;
  for (let i = 0; i < size; i++) waiting.shift()?.();
}

function startWorker(model: OcrModel): Promise<Worker> {
  return new Promise<Worker>((resolve, reject) => {
    let settled = false;
    const fail = (message: string, cause?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new OcrError('OCR_FAILED', `OCR engine failed to start: ${message}`, { cause }));
    };
    const timer = setTimeout(() => fail(`no answer after ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    createWorker('eng', OEM.LSTM_ONLY, {
      langPath: modelDirectory(model),
      gzip: true,
      // 'none': never write eng.traineddata into the working directory, never read a stale copy from it.
      cacheMethod: 'none',
      // Without an errorHandler tesseract.js rethrows a failed job inside a message listener, which would
      // crash the process; the job's own promise still rejects, so this only needs to swallow.
      errorHandler: () => undefined,
    }).then(
      (worker) => {
        if (settled) {
          void worker.terminate();
          return;
        }
        settled = true;
        clearTimeout(timer);
        resolve(worker);
      },
      (error: unknown) => fail(String(error), error),
    );
  });
}

function threadOf(worker: Worker): NodeJS.EventEmitter | undefined {
  return (worker as unknown as { worker?: NodeJS.EventEmitter }).worker ?? undefined;
}

function removeSlot(slot: Slot): void {
  slots = slots.filter((s) => s !== slot);
  waiting.shift()?.();
}

function newSlot(model: OcrModel): Slot {
  let markGone: (error: Error) => void = () => undefined;
  const gone = new Promise<never>((_, reject) => {
    markGone = reject;
  });
  gone.catch(() => undefined);
  const slot: Slot = { model, worker: startWorker(model), busy: true, gone };
  slot.worker.then(
    (worker) => {
      // A dead thread must not take the process with it (an 'error' event without a listener throws).
      const drop = (reason: unknown) => {
        removeSlot(slot);
        markGone(new OcrError('OCR_FAILED', `OCR worker stopped: ${String(reason)}`, { cause: reason }));
      };
      threadOf(worker)?.on('error', drop);
      threadOf(worker)?.on('exit', (code) => drop(`exit code ${code}`));
    },
    () => removeSlot(slot),
  );
  return slot;
}

async function acquire(model: OcrModel): Promise<Slot> {
  for (;;) {
    const idle = slots.find((s) => !s.busy && s.model === model);
    if (idle) {
      idle.busy = true;
      return idle;
    }
    if (slots.length < poolSize) {
      const slot = newSlot(model);
      slots.push(slot);
      return slot;
    }
    // Full: an idle worker with another model makes room; otherwise wait for a release.
    const other = slots.find((s) => !s.busy);
    if (other) {
      removeSlot(other);
      void terminate(other);
      continue;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
}

function release(slot: Slot): void {
  slot.busy = false;
  waiting.shift()?.();
}

async function terminate(slot: Slot): Promise<void> {
  const worker = await slot.worker.catch(() => null);
  await worker?.terminate().catch(() => undefined);
}

/**
 * Runs `job` on a free worker of the pool, waiting for one if all are busy. Tesseract keeps per-image state in a
 * worker, so one worker never runs two jobs at once. After `timeoutMs` the worker is terminated and the job fails
 * with OCR_FAILED.
 */
export function withOcrWorker<T>(
  job: (worker: Worker) => Promise<T>,
  options: { model?: OcrModel; timeoutMs?: number } = {},
): Promise<T> {
  const model = options.model ?? DEFAULT_MODEL;
  const timeoutMs = options.timeoutMs ?? DEFAULT_JOB_TIMEOUT_MS;
  const run = (async () => {
    const slot = await acquire(model);
    let timer: NodeJS.Timeout | undefined;
    try {
      const worker = await Promise.race([slot.worker, slot.gone]);
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          removeSlot(slot);
          void terminate(slot);
          reject(new OcrError('OCR_FAILED', `OCR took longer than ${timeoutMs / 1000} s and was stopped`));
        }, timeoutMs);
      });
      return await Promise.race([job(worker), slot.gone, timeout]);
    } finally {
      clearTimeout(timer);
      release(slot);
    }
  })();
  inFlight.add(run);
  void run.catch(() => undefined).finally(() => inFlight.delete(run));
  return run;
}

/** Waits for running and queued jobs, then terminates every worker. Safe to call more than once. */
export async function shutdownOcr(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  const old = slots;
  slots = [];
  await Promise.all(old.map(terminate));
}
