/** `imagehr <command>`: one small module per command under cli/commands. */
import { parseArgs } from 'node:util';

const HELP = `imagehr — clinical material to reviewed, standardised research data

Usage: imagehr <command> [options]

  demo                          embedded database + demo study, users and patients + portal + worker
  serve [--port N] [--dev]      the portal and API (Next.js); builds it first if needed
  worker [--concurrency N]      a background worker (run any number)
  db migrate                    apply database migrations
  user create --email E --name N --role R [--password P]
  token create --owner EMAIL --name N --scopes a,b [--expires-days N]
  extract FILE                  findings of a txt/pdf/png/jpg/tiff file as JSON (no database)
  map sdtm --study STUDYID      accepted findings and subjects to SDTM records (edited records kept)
  export sdtm --study STUDYID --format csv|xlsx|xpt|define|package --out DIR
  validate sdtm DIR [--json]    check the .xpt/.csv SDTM datasets in DIR (CORE rules; no database)
  compare sdtm DIR_A DIR_B [--json] [--limit N]   differences between two SDTM folders (exit 1 if any)
  schema print                  write graphql/schema.graphql

Environment: DATABASE_URL (else an embedded PostgreSQL under IMAGEHR_DATA_DIR, default .data/), PORT, ...
See README.md for every setting.`;

const [command, ...rest] = process.argv.slice(2);
const { values, positionals } = parseArgs({
  args: rest,
  allowPositionals: true,
  strict: false,
  options: {
    port: { type: 'string' },
    dev: { type: 'boolean' },
    concurrency: { type: 'string' },
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    password: { type: 'string' },
    owner: { type: 'string' },
    scopes: { type: 'string' },
    'expires-days': { type: 'string' },
  },
});
const opts = values as Record<string, string | boolean | undefined>;

async function main(): Promise<number> {
  switch (command) {
    case 'demo':
      return (await import('./commands/demo.ts')).demo(opts);
    case 'serve':
      return (await import('./commands/serve.ts')).serve(opts);
    case 'worker':
      return (await import('./commands/worker.ts')).worker(opts);
    case 'db':
      return (await import('./commands/db.ts')).db(positionals);
    case 'user':
      return (await import('./commands/user.ts')).user(positionals, opts);
    case 'token':
      return (await import('./commands/token.ts')).token(positionals, opts);
    case 'extract':
      return (await import('./commands/extract.ts')).extract(positionals);
    case 'map':
      return (await import('./commands/map.ts')).mapCommand(rest);
    case 'export':
      return (await import('./commands/export.ts')).exportCommand(rest);
    case 'validate':
      return (await import('./commands/validate.ts')).validate(positionals, opts);
    case 'compare':
      return (await import('./commands/compare.ts')).compareCommand(rest);
    case 'schema':
      return (await import('./commands/schema.ts')).schemaCommand(positionals);
    case undefined:
    case 'help':
    case '--help':
      console.log(HELP);
      return 0;
    default:
      console.error(`unknown command: ${command}\n\n${HELP}`);
      return 2;
  }
}

main().then(
  (code) => {
    if (code !== -1) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
