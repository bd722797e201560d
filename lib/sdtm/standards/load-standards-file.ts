/**
 * Reads one committed standards file from ./data, once. Files are read synchronously on first use (not at
 * import), so modules that only import a type or a helper pay nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { config } from '../../config.ts';

const DATA_DIR = path.join(config.root, 'lib/sdtm/standards/data');

export function readStandardsFile<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(DATA_DIR, file), 'utf8')) as T;
}
