/** Runs the Next.js portal as a child process (building it first when there is no build yet). */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { config } from '../lib/config.ts';

const nextBin = path.join(config.root, 'node_modules/next/dist/bin/next');

export function ensureBuilt(): void {
  if (fs.existsSync(path.join(config.root, '.next/BUILD_ID'))) return;
  console.log('building the portal (first run only)…');
  const r = spawnSync(process.execPath, [nextBin, 'build'], {
    cwd: config.root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (r.status !== 0) throw new Error('next build failed');
}

export function startNext(options: { port: number; dev?: boolean; env: NodeJS.ProcessEnv }) {
  const args = options.dev ? ['dev', '-p', String(options.port)] : ['start', '-p', String(options.port)];
  return spawn(process.execPath, [nextBin, ...args], {
    cwd: config.root,
    stdio: ['ignore', 'inherit', 'inherit'],
    // No network at run time: Next.js would otherwise try to send anonymous telemetry.
    env: {
      ...options.env,
      NODE_ENV: options.dev ? 'development' : 'production',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
}
