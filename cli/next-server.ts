/**
 * The Next.js portal as a child process, and its production build. `ensureBuilt` builds when there is no build or
 * a source changed after it (a stale build would serve old code), one build at a time per checkout: the demo,
 * `imagehr serve`, browser tests running in parallel and benchmarks all call it, and two builds writing .next at
 * once corrupt it. The lock is a file created exclusively (O_EXCL) holding the builder's pid; a lock whose
 * process is gone is stale and taken over.
 */
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { config } from '../lib/config.ts';

const nextBin = path.join(config.root, 'node_modules/next/dist/bin/next');
const BUILD_ID = path.join(config.root, '.next/BUILD_ID');
const SOURCES = ['app', 'public', 'lib', 'graphql', 'workers'];
const BUILD_LOCK = path.join(
  os.tmpdir(),
  `imagehr-next-build-${crypto.createHash('sha256').update(config.root).digest('hex').slice(0, 12)}.lock`,
);
const BUILD_WAIT_MS = 10 * 60_000;
// No network at run time: Next.js would otherwise try to send anonymous telemetry.
const NO_TELEMETRY = { NEXT_TELEMETRY_DISABLED: '1' };

/** Newest modification time of the files the build is made from. */
function newestSource(): number {
  let newest = fs.statSync(path.join(config.root, 'next.config.js')).mtimeMs;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.(tsx?|css|json|svg)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  for (const d of SOURCES) if (fs.existsSync(path.join(config.root, d))) walk(path.join(config.root, d));
  return newest;
}

function buildIsCurrent(): boolean {
  const built = fs.existsSync(BUILD_ID) ? fs.statSync(BUILD_ID).mtimeMs : 0;
  return built > 0 && newestSource() <= built;
}

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

async function withBuildLock(work: () => void): Promise<void> {
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
    work();
  } finally {
    fs.rmSync(BUILD_LOCK, { force: true });
  }
}

/**
 * Builds the portal when there is no build or a source is newer than it; waits for a build another process is
 * running, then builds only if that one did not already cover the sources. `quiet` keeps the build's output
 * for the error message instead of printing it.
 */
export async function ensureBuilt(options: { quiet?: boolean } = {}): Promise<void> {
  if (buildIsCurrent() && !fs.existsSync(BUILD_LOCK)) return;
  await withBuildLock(() => {
    if (buildIsCurrent()) return;
    if (!options.quiet) console.log('building the portal (after a change or on the first run)…');
    const r = spawnSync(process.execPath, [nextBin, 'build'], {
      cwd: config.root,
      encoding: 'utf8',
      stdio: options.quiet ? 'pipe' : 'inherit',
      env: { ...process.env, ...NO_TELEMETRY, NODE_ENV: 'production' },
    });
    if (r.status !== 0) {
      const output = options.quiet ? `:\n${`${r.stdout}\n${r.stderr}`.slice(-4000)}` : '';
      throw new Error(`next build failed${output}`);
    }
  });
}

export function startNext(options: { port: number; dev?: boolean; env: NodeJS.ProcessEnv }) {
  const args = options.dev ? ['dev', '-p', String(options.port)] : ['start', '-p', String(options.port)];
  return spawn(process.execPath, [nextBin, ...args], {
    cwd: config.root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...options.env, ...NO_TELEMETRY, NODE_ENV: options.dev ? 'development' : 'production' },
  });
}
