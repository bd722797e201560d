import { sessionSecret } from '../../lib/auth/secret.ts';
import { config } from '../../lib/config.ts';
import { openDatabase } from '../database.ts';
import { ensureBuilt, startNext } from '../next-server.ts';

export async function serve(o: Record<string, string | boolean | undefined>): Promise<number> {
  const database = await openDatabase();
  await database.close();
  const port = typeof o.port === 'string' ? Number(o.port) : config.port;
  if (!o.dev) await ensureBuilt();
  const child = startNext({
    port,
    dev: !!o.dev,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: sessionSecret(),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    },
  });
  const stop = async () => {
    child.kill('SIGTERM');
    await database.embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  console.log(`imagEHR portal on http://localhost:${port}`);
  return -1;
}
