/**
 * Prisma's schema engine compiled to WebAssembly, driven through the pg driver adapter.
 * The Prisma CLI downloads a native schema engine at run time, which cannot work offline (STACK.md E6);
 * this runs the same engine from the npm package instead.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine, SchemaEngine as SchemaEngineClass } from '@prisma/schema-engine-wasm';

const require = createRequire(import.meta.url);
let wasmReady: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  // The package entry imports the .wasm file as a module, which Node rejects; instantiate it by hand.
  wasmReady ??= (async () => {
    const wasmPath = path.join(
      path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')),
      'schema_engine_bg.wasm',
    );
    const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), {
      './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports,
    });
    const exports = instance.exports as Record<string, unknown> & { __wbindgen_start?: () => void };
    (bg as unknown as { __wbg_set_wasm(e: unknown): void }).__wbg_set_wasm(exports);
    exports.__wbindgen_start?.();
  })();
  return wasmReady;
}

export const emptySchemaFilter = { externalTables: [], externalEnums: [] };

export async function openSchemaEngine(
  databaseUrl: string,
  datamodels: [string, string][],
  log: (message: string) => void = () => {},
): Promise<{ engine: SchemaEngine; close(): Promise<void> }> {
  await loadWasm();
  const { SchemaEngine } = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as unknown as {
    SchemaEngine: typeof SchemaEngineClass;
  };
  // Our own pool, so the connections can be closed: a template database must have no sessions left.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
  const engine = await SchemaEngine.new({ datamodels }, log, adapter);
  return {
    engine,
    close: async () => {
      engine.free();
      await pool.end();
    },
  };
}
