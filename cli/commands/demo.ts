/** `npm run demo`: everything on one machine, with nothing installed but Node. */
import { sessionSecret } from '../../lib/auth/secret.ts';
import { config } from '../../lib/config.ts';
import { seedDemo } from '../../lib/seed/seed-demo.ts';
import { startWorker } from '../../workers/start-worker.ts';
import { openDatabase } from '../database.ts';
import { ensureBuilt, startNext } from '../next-server.ts';

export async function demo(o: Record<string, string | boolean | undefined>): Promise<number> {
  const database = await openDatabase();
  console.log(
    `database: ${database.embedded ? `embedded PostgreSQL in ${config.dataDir}/pg` : 'DATABASE_URL'}`,
  );
  const { logins, importJobId } = await seedDemo(database.db);
  await database.close();
  const worker = await startWorker({ databaseUrl: database.url, log: (m) => console.log(`[worker] ${m}`) });
  if (importJobId) console.log('importing the demo patients in the background (see the Jobs page)');
  await ensureBuilt();
  const port = typeof o.port === 'string' ? Number(o.port) : config.port;
  const child = startNext({
    port,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: sessionSecret(),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    },
  });
  console.log('\nDemo logins (also in .data/demo-logins.json):');
  for (const l of logins) console.log(`  ${l.role.padEnd(12)} ${l.email.padEnd(34)} ${l.password}`);
  console.log(`\nimagEHR is starting on http://localhost:${port}  (Ctrl-C to stop)\n`);
  const stop = async () => {
    child.kill('SIGTERM');
    await worker.stop();
    await database.embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return -1;
}
