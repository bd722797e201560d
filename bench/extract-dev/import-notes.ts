/**
 * Copies the development-set notes listed in manifest.csv from the shared corpus into notes/<id>.txt, byte for byte
 * (CSV fields are decoded, nothing else is changed), or with --check verifies that the committed copies still equal
 * their sources. The corpus lives beside a developer's checkout (../shared/corpus); the copies are what the scorer uses.
 *
 *   node --import tsx bench/extract-dev/import-notes.ts [--check] [--corpus DIR]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsvRecords } from './csv.ts';

const here = import.meta.dirname;

export interface ManifestRow {
  id: string;
  source_file: string;
  record_id: string;
  licence: string;
  attribution: string;
}

export function readManifest(): ManifestRow[] {
  return parseCsvRecords(readFileSync(path.join(here, 'manifest.csv'), 'utf8')) as unknown as ManifestRow[];
}

function sourceText(corpus: string, row: ManifestRow, cache: Map<string, Record<string, string>[]>): string {
  const file = path.join(corpus, row.source_file);
  if (row.source_file.endsWith('.txt')) return readFileSync(file, 'utf8');
  let records = cache.get(file);
  if (!records) {
    records = parseCsvRecords(readFileSync(file, 'utf8'));
    cache.set(file, records);
  }
  if (row.source_file.includes('mtsamples')) {
    const rec = records.find((r) => r[''] === row.record_id);
    if (!rec) throw new Error(`${row.id}: row ${row.record_id} not in ${row.source_file}`);
    return rec.transcription;
  }
  const rec = records.find((r) => r.encounter_id === row.record_id);
  if (!rec) throw new Error(`${row.id}: encounter ${row.record_id} not in ${row.source_file}`);
  return rec.note;
}

function main(): void {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const ci = args.indexOf('--corpus');
  const corpus = ci >= 0 ? args[ci + 1] : path.resolve(here, '../../../shared/corpus');
  if (!existsSync(corpus)) {
    console.error(`corpus not found at ${corpus} (pass --corpus DIR)`);
    process.exit(2);
  }
  const cache = new Map<string, Record<string, string>[]>();
  mkdirSync(path.join(here, 'notes'), { recursive: true });
  let bad = 0;
  for (const row of readManifest()) {
    const text = sourceText(corpus, row, cache);
    const out = path.join(here, 'notes', `${row.id}.txt`);
    if (check) {
      if (!existsSync(out) || readFileSync(out, 'utf8') !== text) {
        console.error(`${row.id}: differs from ${row.source_file} ${row.record_id}`);
        bad++;
      }
    } else {
      writeFileSync(out, text);
    }
  }
  if (bad) process.exit(1);
  console.log(check ? 'all notes equal their sources' : 'notes written');
}

main();
