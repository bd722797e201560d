/**
 * Reads public notes from ../shared/corpus for the extractor tests (MTSamples, ACI-Bench, Synthea). The corpus
 * lives beside a developer's checkout and in CI; tests that need it are skipped when it is absent.
 */
import fs from 'node:fs';
import path from 'node:path';

export const CORPUS = path.resolve(import.meta.dirname, '../../../../shared/corpus');
export const hasCorpus = fs.existsSync(path.join(CORPUS, 'notes/mtsamples/mtsamples_first401.csv'));

export interface CorpusNote {
  id: string;
  text: string;
}

/** RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function column(file: string, name: string, idName?: string): CorpusNote[] {
  const [header, ...rows] = parseCsv(fs.readFileSync(file, 'utf8'));
  const col = header.indexOf(name);
  const idCol = idName ? header.indexOf(idName) : -1;
  return rows
    .map((r, i) => ({ id: idCol >= 0 ? r[idCol] : String(i), text: r[col] ?? '' }))
    .filter((n) => n.text.length > 0);
}

export function mtsamplesNotes(): CorpusNote[] {
  return column(path.join(CORPUS, 'notes/mtsamples/mtsamples_first401.csv'), 'transcription').map((n) => ({
    ...n,
    id: `mts-${n.id}`,
  }));
}

export function aciNotes(): CorpusNote[] {
  return [
    'train.csv',
    'valid.csv',
    'clinicalnlp_taskB_test1.csv',
    'clinicalnlp_taskC_test2.csv',
    'clef_taskC_test3.csv',
  ].flatMap((f) => column(path.join(CORPUS, 'notes/aci_bench', f), 'note', 'encounter_id'));
}

export function syntheaNotes(): CorpusNote[] {
  const dir = path.join(CORPUS, 'notes/synthea_notes');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
}
