/**
 * The real portal for browser tests: a fresh database cloned from the migrated template, users and a study, the
 * production build under `next start` on a free port, and an in-process worker on the same database. Blobs go to
 * a temporary data directory that the server and the worker share.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '../../generated/prisma/enums.ts';
import type { Db } from '../../lib/db/client.ts';
import { createUser } from '../../lib/users/create-user.ts';
import { startWorker } from '../../workers/start-worker.ts';
import { createTestDatabase } from '../setup/test-database.ts';
import { ensureBuilt } from '../../cli/next-server.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NEXT_BIN = path.join(ROOT, 'node_modules/next/dist/bin/next');

export interface Login {
  email: string;
  password: string;
  name: string;
}

export interface PortalServer {
  baseUrl: string;
  db: Db;
  databaseUrl: string;
  dataDir: string;
  studyId: string;
  studyCode: string;
  users: Record<'admin' | 'coordinator' | 'physician' | 'viewer', Login>;
  /** The last lines the server printed, for failure messages. */
  logs(): string;
  /** Stops the worker (waiting for the job in hand); queued jobs stay queued. */
  stopWorker(): Promise<void>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function waitForServer(
  url: string,
  child: ChildProcess,
  logs: () => string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${logs()}`);
    try {
      const res = await fetch(url, { redirect: 'manual' });
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`the portal did not answer within ${timeoutMs} ms:\n${logs()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export interface PortalServerOptions {
  /**
   * Run the worker as its own `imagehr worker` process (as in production) instead of inside the test process.
   * Needed for OCR: recognitions are long and CPU-bound, and the test process must stay responsive.
   */
  workerProcess?: boolean;
}

/** `imagehr worker` on the test database; its output goes to `collect`. */
function spawnWorkerProcess(env: NodeJS.ProcessEnv, collect: (chunk: Buffer) => void): ChildProcess {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/imagehr.js'), 'worker', '--concurrency', '1'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return child;
}

export async function startPortalServer(options: PortalServerOptions = {}): Promise<PortalServer> {
  process.env.IMAGEHR_BCRYPT_COST = '4';
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'imagehr-e2e-'));
  // The worker runs in this process and reads the blobs the server stores: same data directory.
  process.env.IMAGEHR_DATA_DIR = dataDir;

  const t = await createTestDatabase();
  const password = `pw-${crypto.randomBytes(9).toString('base64url')}`;
  const makeUser = async (role: Role, name: string): Promise<Login> => {
    const email = `${role.toLowerCase()}-${crypto.randomBytes(3).toString('hex')}@e2e.test`;
    await createUser(t.db, null, { email, name, role, password });
    return { email, password, name };
  };
  const users = {
    admin: await makeUser('ADMIN', 'Ada Admin'),
    coordinator: await makeUser('COORDINATOR', 'Cora Coordinator'),
    physician: await makeUser('PHYSICIAN', 'Dr Phil Physician'),
    viewer: await makeUser('VIEWER', 'Vic Viewer'),
  };
  const studyCode = `E2E-${crypto.randomBytes(2).toString('hex').toUpperCase()}`;
  const study = await t.db.study.create({ data: { studyId: studyCode, title: 'Browser test study' } });

  await ensureBuilt({ quiet: true });
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const child = spawn(process.execPath, [NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: t.url,
      NEXTAUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
      NEXTAUTH_URL: baseUrl,
      IMAGEHR_DATA_DIR: dataDir,
      PORT: String(port),
    },
  });
  const collect = (chunk: Buffer) => {
    output.push(chunk.toString('utf8'));
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const logs = () => output.join('').slice(-6000);

  let worker: Awaited<ReturnType<typeof startWorker>> | null = null;
  let workerChild: ChildProcess | null = null;
  try {
    await waitForServer(`${baseUrl}/login`, child, logs);
    // One job at a time: the FHIR import then runs alone, and the extraction jobs it queues wait their turn.
    if (options.workerProcess) {
      workerChild = spawnWorkerProcess(
        { ...process.env, NODE_ENV: 'production', DATABASE_URL: t.url, IMAGEHR_DATA_DIR: dataDir },
        collect,
      );
    } else worker = await startWorker({ databaseUrl: t.url, concurrency: 1 });
  } catch (e) {
    await stopChild(child);
    await t.close();
    throw e;
  }

  return {
    baseUrl,
    db: t.db,
    databaseUrl: t.url,
    dataDir,
    studyId: study.id,
    studyCode,
    users,
    logs,
    async stopWorker() {
      const w = worker;
      worker = null;
      await w?.stop();
      if (workerChild) await stopChild(workerChild);
    },
    async stop() {
      await worker?.stop();
      if (workerChild) await stopChild(workerChild);
      await stopChild(child);
      await t.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
