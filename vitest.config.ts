import fs from 'node:fs';
import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

// Some tests check our readers and writers against the reference data and corpus beside a developer's checkout
// (../shared: CI has it, a user's clone does not). Without it, the files marked `@needs-shared` are left out, and
// we say so; other files that use it check for it themselves and skip only their own tests.
const SHARED = path.resolve(import.meta.dirname, '../shared');
const needsShared = fs.existsSync(SHARED)
  ? []
  : fs
      .readdirSync(path.join(import.meta.dirname, 'tests'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => path.join('tests', f))
      .filter((f) => fs.readFileSync(f, 'utf8').includes('@needs-shared'));
if (needsShared.length) {
  console.warn(
    `../shared is absent: skipping ${needsShared.length} test files that read it:\n  ${needsShared.join('\n  ')}`,
  );
}

export default defineConfig({
  resolve: {
    // graphql 16 has no "exports": Vite would load index.mjs for tests while Pothos and Apollo load
    // index.js through Node, giving two copies (STACK.md E10).
    alias: [
      { find: /^graphql$/, replacement: 'graphql/index.js' },
      { find: /^@\/(.*)$/, replacement: path.resolve(import.meta.dirname, '$1') },
    ],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...needsShared],
    globalSetup: ['tests/setup/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
