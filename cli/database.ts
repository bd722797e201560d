/** The CLI's database: DATABASE_URL or the embedded server, migrated, plus a Prisma client. */
import { resolveDatabase } from '../lib/db/database-url.ts';
import { createPrismaClient } from '../lib/db/client.ts';
import { migrateDatabase } from '../lib/db/migrate.ts';

export async function openDatabase() {
  const { url, embedded } = await resolveDatabase();
  await migrateDatabase(url);
  process.env.DATABASE_URL = url;
  const db = createPrismaClient(url);
  return {
    url,
    db,
    embedded,
    async close() {
      await db.$disconnect();
    },
  };
}
