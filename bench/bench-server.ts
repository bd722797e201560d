/**
 * A throwaway production setup for benchmarks: embedded PostgreSQL in a temp dir (migrated), `next start`
 * (built when missing or stale), optionally `imagehr worker` processes, all stopped by `stop()`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ensureBuilt } from '../cli/next-server.ts';
import { ensureDatabase, startEmbeddedPostgres } from '../lib/db/embedded-postgres.ts';
import { migrateDatabase } from '../lib/db/migrate.ts';

export const root = path.resolve(import.meta.dirname, '..');

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

export async function startBenchDatabase() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imagehr-bench-'));
  fs.chmodSync(dir, 0o755); // run as root, the server is the postgres user and must reach dir/pg
  const server = await startEmbeddedPostgres({
    dir: path.join(dir, 'pg'),
    port: await freePort(),
    persistent: false,
  });
  await ensureDatabase(server.url('postgres'), 'bench');
  const url = server.url('bench');
  await migrateDatabase(url);
  return { dir, url, stop: () => server.stop() };
}

export async function startBenchWeb(env: {
  url: string;
  dir: string;
}): Promise<{ endpoint: string; base: string; proc: ChildProcess }> {
  const nextBin = path.join(root, 'node_modules/next/dist/bin/next');
  await ensureBuilt();
  const port = await freePort();
  const proc = spawn(process.execPath, [nextBin, 'start', '-p', String(port)], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: env.url,
      NEXTAUTH_SECRET: 'bench-secret',
      IMAGEHR_DATA_DIR: env.dir,
    },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  const endpoint = `${base}/api/graphql`;
  for (let tries = 0; ; tries++) {
    const ok = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ me { email } }"}',
    })
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (tries > 300) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { endpoint, base, proc };
}

export function startBenchWorker(env: { url: string; dir: string }): ChildProcess {
  return spawn(process.execPath, [path.join(root, 'bin/imagehr.js'), 'worker'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: env.url, IMAGEHR_DATA_DIR: env.dir },
    stdio: 'ignore',
  });
}
