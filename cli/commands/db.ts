import { resolveDatabase } from '../../lib/db/database-url.ts';
import { migrateDatabase } from '../../lib/db/migrate.ts';

export async function db(positionals: string[]): Promise<number> {
  if (positionals[0] !== 'migrate') {
    console.error('usage: imagehr db migrate');
    return 2;
  }
  const { url, embedded } = await resolveDatabase();
  const applied = await migrateDatabase(url);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  await embedded?.stop();
  return 0;
}
