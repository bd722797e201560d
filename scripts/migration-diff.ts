/**
 * Writes the next migration: diffs the schema as last committed (git HEAD) against the working copy,
 * schema to schema, with no shadow database (STACK.md E6).
 *   npm run migrate:diff -- add_document_hash
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { emptySchemaFilter, openSchemaEngine } from '../lib/db/schema-engine.ts';
import { listMigrations, migrationsDir, schemaPath } from '../lib/db/migrate.ts';
import { ensureDatabase, startEmbeddedPostgres } from '../lib/db/embedded-postgres.ts';
import os from 'node:os';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run migrate:diff -- <snake_case_name>');
  process.exit(2);
}
const current = fs.readFileSync(schemaPath, 'utf8');
const first = listMigrations().length === 0;
let previous = '';
if (!first) {
  previous = execFileSync('git', ['show', 'HEAD:prisma/schema.prisma'], { encoding: 'utf8' });
}
// The engine needs a connection even for a schema-to-schema diff: a throwaway embedded server.
const scratch = await startEmbeddedPostgres({
  dir: fs.mkdtempSync(path.join(os.tmpdir(), 'imagehr-diff-')),
  port: 54399,
  persistent: false,
});
await ensureDatabase(scratch.url('postgres'), 'scratch');
let script = '';
const { engine, close } = await openSchemaEngine(scratch.url('scratch'), [[schemaPath, current]], (m) => {
  script += m;
});
const result = await engine.diff({
  from: first
    ? { tag: 'empty' }
    : { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: previous }] },
  to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: current }] },
  script: true,
  exitCode: null,
  filters: emptySchemaFilter,
});
await close();
await scratch.stop();
const sql = result.stdout ?? script;
if (!sql.trim() || sql.includes('This is an empty migration')) {
  console.log('schema unchanged: no migration written');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
fs.writeFileSync(path.join(migrationsDir, 'migration_lock.toml'), 'provider = "postgresql"\n');
console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
