/**
 * Process-wide services for the web server: one Prisma client per process (kept on globalThis so Next.js dev
 * reloads reuse it). The server is started by `imagehr serve`, which sets DATABASE_URL (embedded or external).
 */
import { createPrismaClient, type Db } from '../db/client.ts';
import { config } from '../config.ts';

interface AppServices {
  db: Db;
  databaseUrl: string;
}

const g = globalThis as { __imagehrApp?: AppServices };

export function appServices(): AppServices {
  if (!g.__imagehrApp) {
    const databaseUrl = config.databaseUrl;
    if (!databaseUrl)
      throw new Error('DATABASE_URL is not set: start the portal with `imagehr serve` or `npm run demo`');
    g.__imagehrApp = { db: createPrismaClient(databaseUrl, { max: 20 }), databaseUrl };
  }
  return g.__imagehrApp;
}
