import fs from 'node:fs';
import path from 'node:path';
import { printSchemaFile } from '../../graphql/print-schema.ts';

export async function schemaCommand(positionals: string[]): Promise<number> {
  if (positionals[0] !== 'print') {
    console.error('usage: imagehr schema print');
    return 2;
  }
  const file = path.resolve(import.meta.dirname, '../../graphql/schema.graphql');
  fs.writeFileSync(file, await printSchemaFile());
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
  return 0;
}
