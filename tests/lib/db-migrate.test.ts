import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../setup/test-database.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});

describe('migrated database', () => {
  it('has every model table and records the applied migrations', async () => {
    const tables = await t.db.$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`;
    const names = tables.map((r) => r.table_name);
    for (const model of [
      'User',
      'ApiToken',
      'Patient',
      'Finding',
      'AuditEvent',
      'Job',
      '_prisma_migrations',
    ]) {
      expect(names).toContain(model);
    }
    const applied = await t.db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL`;
    expect(Number(applied[0].n)).toBeGreaterThan(0);
  });
});
