/**
 * The embedded PostgreSQL: a second process reuses a running server (whatever port it was configured with), a
 * stale pid file is cleared, and importing the module keeps the exit code a process chose.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../lib/db/embedded-postgres.ts';

const modulePath = path.resolve(import.meta.dirname, '../../lib/db/embedded-postgres.ts');
const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'imagehr-embedded-'));
fs.chmodSync(parent, 0o755); // the server runs as the postgres user when started by root
const dir = path.join(parent, 'pg');
let first: EmbeddedServer | undefined;

afterAll(async () => {
  await first?.stop();
  fs.rmSync(parent, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function ping(server: EmbeddedServer) {
  const client = new pg.Client({ connectionString: server.url('postgres') });
  await client.connect();
  try {
    return (await client.query('SELECT 1 AS one')).rows[0].one;
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  it('reuses the server running on a data directory, on its own port, without touching its pid file', async () => {
    const port = await freePort();
    first = await startEmbeddedPostgres({ dir, port });
    expect(await ping(first)).toBe(1);
    const pidFile = fs.readFileSync(path.join(dir, 'postmaster.pid'), 'utf8');

    const second = await startEmbeddedPostgres({ dir, port: await freePort() });
    expect(second.port).toBe(port);
    expect(await ping(second)).toBe(1);
    await second.stop(); // not its server: a no-op
    expect(fs.readFileSync(path.join(dir, 'postmaster.pid'), 'utf8')).toBe(pidFile);
    expect(await ping(first)).toBe(1);
  });

  it('clears a stale pid file left by a killed server and starts', { timeout: 60_000 }, async () => {
    await first?.stop();
    first = undefined;
    // A pid file naming a process that does not exist, as a killed server leaves it.
    fs.writeFileSync(path.join(dir, 'postmaster.pid'), `999999\n${dir}\n0\n1\n`);
    first = await startEmbeddedPostgres({ dir, port: await freePort() });
    expect(await ping(first)).toBe(1);
  });

  it('keeps the exit code a process chose after importing the module', () => {
    const script = `await import(${JSON.stringify(modulePath)}); process.exitCode = 3;`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(3);
  });
});
