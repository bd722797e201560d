/** The CLI's database: DATABASE_URL or the embedded server, migrated, plus a Prisma client. */
import { resolveDatabase } from '../lib/db/database-url.ts';
import { createPrismaClient, type Db } from '../lib/db/client.ts';
import type { Study } from '../generated/prisma/client.ts';
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

/** Runs `work` on the CLI's database with the study whose STUDYID is `studyCode`; exit code 1 when there is none. */
export async function withStudy(
  studyCode: string,
  work: (db: Db, study: Study) => Promise<number>,
): Promise<number> {
  const database = await openDatabase();
  try {
    const study = await database.db.study.findUnique({ where: { studyId: studyCode } });
    if (!study) {
      console.error(`no study ${studyCode}`);
      return 1;
    }
    return await work(database.db, study);
  } finally {
    await database.close();
    await database.embedded?.stop();
  }
}
