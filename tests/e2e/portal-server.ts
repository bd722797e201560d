/**
 * The real portal for browser tests: a fresh database cloned from the migrated template, users and a study, the
 * production build under `next start` on a free port, and an in-process worker on the same database. Blobs go to
 * a temporary data directory that the server and the worker share.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
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

const ROOT = path.resolve(import.meta.dirname, '../..');
const NEXT_BIN = path.join(ROOT, 'node_modules/next/dist/bin/next');
const BUILD_ID = path.join(ROOT, '.next/BUILD_ID');

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

/** Newest modification time under the folders the build is made from. */
function newestSource(dirs: string[]): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.(tsx?|css|json)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  for (const d of dirs) if (fs.existsSync(path.join(ROOT, d))) walk(path.join(ROOT, d));
  return newest;
}

function buildIsCurrent(): boolean {
  const built = fs.existsSync(BUILD_ID) ? fs.statSync(BUILD_ID).mtimeMs : 0;
  return built > 0 && newestSource(['app', 'public', 'lib', 'graphql', 'workers']) <= built;
}

/**
 * One `next build` at a time on this checkout: browser test files run in parallel (and several people may test
 * the same checkout), and two builds writing .next at once corrupt it. The lock is a file created exclusively
 * (O_EXCL) holding the builder's pid; a lock whose process is gone is stale and taken over.
 */
const BUILD_LOCK = path.join(
  os.tmpdir(),
  `imagehr-next-build-${crypto.createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}.lock`,
);
const BUILD_WAIT_MS = 10 * 60_000;

function lockHolderAlive(): boolean {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(BUILD_LOCK, 'utf8'));
  } catch {
    return true; // being written or just removed: look again shortly
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function withBuildLock<T>(work: () => T): Promise<T> {
  const deadline = Date.now() + BUILD_WAIT_MS;
  for (;;) {
    try {
      fs.writeFileSync(BUILD_LOCK, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (!lockHolderAlive()) {
        fs.rmSync(BUILD_LOCK, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new Error(`another next build held ${BUILD_LOCK} for 10 minutes`, { cause: e });
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return work();
  } finally {
    fs.rmSync(BUILD_LOCK, { force: true });
  }
}

/**
 * Builds the portal when there is no build, or when a source changed after it: a stale build would test old code.
 * Waits for a build another process is running, then builds only if that one did not already cover the sources.
 */
export async function ensureBuilt(): Promise<void> {
  if (buildIsCurrent() && !fs.existsSync(BUILD_LOCK)) return;
  await withBuildLock(() => {
    if (buildIsCurrent()) return;
    const r = spawnSync(process.execPath, [NEXT_BIN, 'build'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (r.status !== 0) throw new Error(`next build failed:\n${`${r.stdout}\n${r.stderr}`.slice(-4000)}`);
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

  await ensureBuilt();
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
