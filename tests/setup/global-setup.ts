/**
 * Once per `vitest run`: a real PostgreSQL (embedded in a temporary directory on a free port, or the server in
 * DATABASE_URL) and a template database with every migration applied. Each test file then clones the template
 * (tests/setup/test-database.ts), so files run in parallel on isolated data.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureDatabase, startEmbeddedPostgres } from '../../lib/db/embedded-postgres.ts';
import { migrateDatabase } from '../../lib/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplateDb: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  let adminUrl: string;
  let stop = async () => {};
  if (process.env.DATABASE_URL) {
    adminUrl = withDatabase(process.env.DATABASE_URL, 'postgres');
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imagehr-test-pg-'));
    const server = await startEmbeddedPostgres({ dir, port: await freePort(), persistent: false });
    adminUrl = server.url('postgres');
    stop = () => server.stop();
  }
  const template = `imagehr_template_${crypto.randomBytes(4).toString('hex')}`;
  await ensureDatabase(adminUrl, template);
  await migrateDatabase(withDatabase(adminUrl, template));
  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplateDb', template);
  return async () => {
    await stop();
  };
}
