/**
 * Every setting imagEHR reads from the environment, in one place. README.md lists them for users.
 */
import path from 'node:path';

// Inside the Next.js server bundle import.meta.dirname is undefined; the server runs from the project root.
const root = import.meta.dirname ? path.resolve(import.meta.dirname, '..') : process.cwd();

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return n;
}

export const config = {
  root,
  /** Where the embedded database, blobs and generated secrets live. */
  get dataDir() {
    // Run-time data, not part of the build: keep Turbopack from tracing the whole project into the output.
    return path.resolve(/*turbopackIgnore: true*/ process.env.IMAGEHR_DATA_DIR ?? path.join(root, '.data'));
  },
  /** An external PostgreSQL; when unset, an embedded PostgreSQL is started under dataDir. */
  get databaseUrl() {
    return process.env.DATABASE_URL || undefined;
  },
  get embeddedPgPort() {
    return int('IMAGEHR_PG_PORT', 5433);
  },
  get port() {
    return int('PORT', 3000);
  },
  get uploadMaxBytes() {
    return int('IMAGEHR_UPLOAD_MAX_BYTES', 50 * 1024 * 1024);
  },
  get graphqlMaxBodyBytes() {
    return int('IMAGEHR_GRAPHQL_MAX_BODY_BYTES', 1024 * 1024);
  },
  get workerConcurrency() {
    return int('IMAGEHR_WORKER_CONCURRENCY', 2);
  },
  get extractor(): 'local' | 'cohere' {
    return process.env.EXTRACTOR === 'cohere' ? 'cohere' : 'local';
  },
  get cohereApiKey() {
    return process.env.COHERE_API_KEY || undefined;
  },
  get cohereBaseUrl() {
    return process.env.COHERE_BASE_URL || undefined;
  },
  get cohereModel() {
    return process.env.COHERE_MODEL || 'command-a-03-2025';
  },
};
