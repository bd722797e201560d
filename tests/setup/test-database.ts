/** A fresh, migrated database for one test file, cloned from the template made in global-setup. */
import crypto from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createPrismaClient, type Db } from '../../lib/db/client.ts';

export interface TestDatabase {
  url: string;
  db: Db;
  close(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('pgAdminUrl');
  const template = inject('pgTemplateDb');
  const name = `t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const db = createPrismaClient(url, { max: 5 });
  return {
    url,
    db,
    // The database is kept after the run (the server is temporary) so a failing file can be inspected.
    close: () => db.$disconnect(),
  };
}
