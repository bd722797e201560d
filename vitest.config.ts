import { defineConfig } from 'vitest/config';
import path from 'node:path';

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
    globalSetup: ['tests/setup/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
