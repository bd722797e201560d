/**
 * The worker pool's lifecycle: queueing, a pool of two, a job that hangs, a worker thread that dies. Jobs here
 * are trivial (no recognition) but every test starts real tesseract workers, about a second each.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { setOcrPoolSize, shutdownOcr, withOcrWorker } from '../../../lib/ocr/ocr-worker.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterAll(async () => {
  setOcrPoolSize(1);
  await shutdownOcr();
});

describe('withOcrWorker', () => {
  it('runs jobs one at a time on a pool of one, in order', async () => {
    const events: string[] = [];
    const job = (name: string) =>
      withOcrWorker(async () => {
        events.push(`start ${name}`);
        await sleep(50);
        events.push(`end ${name}`);
        return name;
      });
    expect(await Promise.all([job('a'), job('b')])).toEqual(['a', 'b']);
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  it('runs two jobs at once on a pool of two, each on its own worker', async () => {
    setOcrPoolSize(2);
    try {
      // A barrier: each job waits (up to 10 s) until both have started. Serialised jobs would each see one.
      let started = 0;
      const seen: number[] = [];
      const workers = await Promise.all(
        [1, 2].map(() =>
          withOcrWorker(async (worker) => {
            started++;
            for (let waited = 0; started < 2 && waited < 10_000; waited += 20) await sleep(20);
            seen.push(started);
            return worker;
          }),
        ),
      );
      expect(seen).toEqual([2, 2]);
      expect(workers[0]).not.toBe(workers[1]);
    } finally {
      setOcrPoolSize(1);
      await shutdownOcr();
    }
  });

  it('fails a job that outlives its timeout and carries on with a fresh worker', async () => {
    const hung = withOcrWorker(() => new Promise<never>(() => undefined), { timeoutMs: 300 });
    await expect(hung).rejects.toMatchObject({
      code: 'OCR_FAILED',
      message: expect.stringMatching(/longer than/),
    });
    expect(await withOcrWorker(async () => 'alive')).toBe('alive');
  });

  it('fails the running job when the worker thread dies, without crashing, and recovers', async () => {
    const dying = withOcrWorker(async (worker) => {
      await (worker as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
      return new Promise<never>(() => undefined);
    });
    await expect(dying).rejects.toMatchObject({
      code: 'OCR_FAILED',
      message: expect.stringMatching(/stopped/),
    });
    expect(await withOcrWorker(async () => 'alive')).toBe('alive');
  });

  it('waits for queued work on shutdown and can start again afterwards', async () => {
    const queued = withOcrWorker(async () => {
      await sleep(100);
      return 'done';
    });
    await shutdownOcr();
    expect(await queued).toBe('done');
    expect(await withOcrWorker(async () => 'again')).toBe('again');
  });
});
