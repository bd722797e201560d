import { config } from '../../lib/config.ts';
import { startWorker } from '../../workers/start-worker.ts';
import { openDatabase } from '../database.ts';

export async function worker(o: Record<string, string | boolean | undefined>): Promise<number> {
  const database = await openDatabase();
  await database.close();
  const concurrency = typeof o.concurrency === 'string' ? Number(o.concurrency) : config.workerConcurrency;
  const w = await startWorker({
    databaseUrl: database.url,
    concurrency,
    log: (m) => console.log(`[worker] ${m}`),
  });
  console.log(`[worker] running (concurrency ${concurrency})`);
  const stop = async () => {
    await w.stop();
    await database.embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return -1;
}
