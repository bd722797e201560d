/** Applies the committed migrations in prisma/migrations, offline, exactly as `prisma migrate deploy` would. */
import { Logger as GraphileLogger } from 'graphile-worker';
import fs from 'node:fs';
import path from 'node:path';
import { emptySchemaFilter, openSchemaEngine } from './schema-engine.ts';

export const projectRoot = path.resolve(import.meta.dirname, '../..');
export const migrationsDir = path.join(projectRoot, 'prisma/migrations');
export const schemaPath = path.join(projectRoot, 'prisma/schema.prisma');

export function listMigrations() {
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const { engine, close } = await openSchemaEngine(databaseUrl, [[schemaPath, fs.readFileSync(schemaPath, 'utf8')]]);
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  const { appliedMigrationNames } = await engine.applyMigrations({
    migrationsList: {
      baseDir: migrationsDir,
      lockfile: { path: 'migration_lock.toml', content: fs.readFileSync(lockPath, 'utf8') },
      shadowDbInitScript: '',
      migrationDirectories: listMigrations().map((name) => ({
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: { tag: 'ok', value: fs.readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8') },
        },
      })),
    },
    filters: emptySchemaFilter,
  }).finally(close);
  return appliedMigrationNames;
}

/** Everything a database needs before use: our schema, then graphile-worker's own (it migrates itself). */
export async function migrateDatabase(databaseUrl: string): Promise<string[]> {
  const applied = await applyMigrations(databaseUrl);
  const { runMigrations } = await import('graphile-worker');
  await runMigrations({ connectionString: databaseUrl, logger: quietGraphileLogger() });
  return applied;
}

export function quietGraphileLogger() {
  // Lazy import keeps graphile-worker out of processes that only read the schema.
  return new GraphileLogger(() => () => {});
}
