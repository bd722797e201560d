/**
 * Reads public notes from ../shared/corpus for the extractor tests (MTSamples, ACI-Bench, Synthea). The corpus
 * lives beside a developer's checkout and in CI; tests that need it are skipped when it is absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../../../lib/sdtm/csv/read-csv.ts';

export const CORPUS = path.resolve(import.meta.dirname, '../../../../shared/corpus');
export const hasCorpus = fs.existsSync(path.join(CORPUS, 'notes/mtsamples/mtsamples_first401.csv'));

export interface CorpusNote {
  id: string;
  text: string;
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
