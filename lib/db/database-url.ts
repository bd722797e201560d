/** The database this process talks to: DATABASE_URL, or the embedded server under the data directory. */
import path from 'node:path';
import { config } from '../config.ts';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from './embedded-postgres.ts';

export const EMBEDDED_DATABASE = 'imagehr';

export async function resolveDatabase(): Promise<{ url: string; embedded: EmbeddedServer | null }> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: null };
  const embedded = await startEmbeddedPostgres({
    dir: path.join(config.dataDir, 'pg'),
    port: config.embeddedPgPort,
  });
  await ensureDatabase(embedded.url('postgres'), EMBEDDED_DATABASE);
  return { url: embedded.url(EMBEDDED_DATABASE), embedded };
}
