/**
 * Validates the development-set gold (GUIDELINES.md): every note in manifest.csv has notes/<id>.txt and
 * gold/<id>.json; every annotation has the fields and vocabularies of its category; every span's `text` equals
 * the note's slice(start, end). Exits 1 on any problem.
 *
 *   node --import tsx bench/extract-dev/check-gold.ts [--fix-offsets]
 *
 * --fix-offsets moves a span whose text no longer matches to the nearest occurrence of its `text` and rewrites the
 * file (use after editing text by hand; review the diff).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsvRecords } from './csv.ts';
import { ASSERTIONS, VITAL_TESTCDS, type GoldAnnotation, type GoldDocument } from './score.ts';

const here = import.meta.dirname;

const VITAL_UNITS = ['mmHg', 'beats/min', 'breaths/min', 'F', 'C', '%', 'LB', 'kg', 'in', 'cm', 'kg/m2'];
const DOSE_UNITS = [
  'mg',
  'ug',
  'g',
  'mL',
  'U',
  'IU',
  'U/mL',
  'mg/mL',
  '%',
  'PUFF',
  'SPRAY',
  'TABLET',
  'CAPSULE',
  'DROP',
  'mEq',
];
const ROUTES = [
  'ORAL',
  'INTRAVENOUS',
  'SUBCUTANEOUS',
  'INTRAMUSCULAR',
  'TOPICAL',
  'NASAL',
  'RESPIRATORY (INHALATION)',
  'OPHTHALMIC',
  'TRANSDERMAL',
  'INTRAUTERINE',
  'VAGINAL',
  'SUBLINGUAL',
  'RECTAL',
  'CUTANEOUS',
];
const FREQUENCIES = [
  'QD',
  'BID',
  'TID',
  'QID',
  'PRN',
  'QHS',
  'QOD',
  'QAM',
  'QPM',
  'Q4H',
  'Q6H',
  'Q8H',
  'Q12H',
  'ONCE',
  'EVERY WEEK',
  'QM',
  '3 TIMES PER WEEK',
  'CONTINUOUS',
];

/** One annotation per line, so diffs of gold edits stay readable. */
export function formatGold(doc: GoldDocument): string {
  const lines = doc.annotations.map(
    (a, i) => `    ${JSON.stringify(a)}${i < doc.annotations.length - 1 ? ',' : ''}`,
  );
  return [
    '{',
    `  "id": ${JSON.stringify(doc.id)},`,
    `  "source": ${JSON.stringify(doc.source)},`,
    '  "annotations": [',
    ...lines,
    '  ]',
    '}',
    '',
  ].join('\n');
}

export function checkAnnotation(a: GoldAnnotation, text: string): string[] {
  const errs: string[] = [];
  const isNum = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  if (
    !Number.isInteger(a.start) ||
    !Number.isInteger(a.end) ||
    a.start < 0 ||
    a.end > text.length ||
    a.start >= a.end
  )
    errs.push(`bad offsets ${a.start}-${a.end}`);
  else if (text.slice(a.start, a.end) !== a.text)
    errs.push(`text ${JSON.stringify(a.text)} != slice ${JSON.stringify(text.slice(a.start, a.end))}`);
  switch (a.category) {
    case 'vital':
      if (!(VITAL_TESTCDS as readonly string[]).includes(a.testcd)) errs.push(`testcd ${a.testcd}`);
      if (!isNum(a.value)) errs.push('value not a number');
      if (!VITAL_UNITS.includes(a.unit)) errs.push(`vital unit ${a.unit}`);
      break;
    case 'medication':
      if (!a.name) errs.push('medication without name');
      if ((a.dose === undefined) !== (a.unit === undefined)) errs.push('dose and unit must come together');
      if (a.dose !== undefined && !isNum(a.dose)) errs.push('dose not a number');
      if (a.unit !== undefined && !DOSE_UNITS.includes(a.unit)) errs.push(`dose unit ${a.unit}`);
      for (const alt of a.doseAlternatives ?? [])
        if (!isNum(alt.dose) || !DOSE_UNITS.includes(alt.unit))
          errs.push(`dose alternative ${JSON.stringify(alt)}`);
      if (a.route !== undefined && !ROUTES.includes(a.route)) errs.push(`route ${a.route}`);
      for (const f of [a.frequency, ...(a.frequencyAlternatives ?? [])])
        if (f !== undefined && !FREQUENCIES.includes(f)) errs.push(`frequency ${f}`);
      break;
    case 'allergy':
      if (!a.substance) errs.push('allergy without substance');
      if (typeof a.negated !== 'boolean') errs.push('allergy.negated must be boolean');
      if (a.substance === 'NKA' && !a.negated) errs.push('NKA must be negated');
      break;
    case 'condition':
      if (!ASSERTIONS.includes(a.assertion)) errs.push(`assertion ${a.assertion}`);
      break;
    default:
      errs.push(`unknown category ${(a as { category: string }).category}`);
  }
  return errs;
}

function nearestOccurrence(text: string, needle: string, near: number): number {
  let best = -1;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1))
    if (best < 0 || Math.abs(i - near) < Math.abs(best - near)) best = i;
  return best;
}

function main(): void {
  const fix = process.argv.includes('--fix-offsets');
  const manifest = parseCsvRecords(readFileSync(path.join(here, 'manifest.csv'), 'utf8'));
  const ids = manifest.map((r) => r.id);
  const problems: string[] = [];
  const goldFiles = readdirSync(path.join(here, 'gold')).filter((f) => f.endsWith('.json'));
  for (const f of goldFiles)
    if (!ids.includes(f.replace(/\.json$/, ''))) problems.push(`${f}: not in manifest.csv`);
  if (new Set(ids).size !== ids.length) problems.push('manifest.csv: duplicate ids');

  const counts: Record<string, number> = {};
  const assertions: Record<string, number> = {};
  for (const id of ids) {
    const notePath = path.join(here, 'notes', `${id}.txt`);
    const goldPath = path.join(here, 'gold', `${id}.json`);
    if (!existsSync(notePath) || !existsSync(goldPath)) {
      problems.push(`${id}: missing ${existsSync(notePath) ? 'gold' : 'note'}`);
      continue;
    }
    const text = readFileSync(notePath, 'utf8');
    const doc = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldDocument;
    if (doc.id !== id) problems.push(`${id}: gold id is ${doc.id}`);
    let changed = false;
    const seen = new Set<string>();
    let prevStart = -1;
    for (const a of doc.annotations) {
      if (seen.has(a.id)) problems.push(`${id}/${a.id}: duplicate id`);
      seen.add(a.id);
      if (a.start < prevStart) problems.push(`${id}/${a.id}: annotations not sorted by start`);
      prevStart = a.start;
      if (fix && text.slice(a.start, a.end) !== a.text) {
        const at = nearestOccurrence(text, a.text, a.start);
        if (at >= 0) {
          console.log(`${id}/${a.id}: moved ${a.start} -> ${at} (${JSON.stringify(a.text)})`);
          a.start = at;
          a.end = at + a.text.length;
          changed = true;
        }
      }
      for (const e of checkAnnotation(a, text)) problems.push(`${id}/${a.id}: ${e}`);
      counts[a.category] = (counts[a.category] ?? 0) + 1;
      if (a.category === 'condition') assertions[a.assertion] = (assertions[a.assertion] ?? 0) + 1;
    }
    if (changed) {
      doc.annotations.sort((x, y) => x.start - y.start || x.end - y.end);
      writeFileSync(goldPath, formatGold(doc));
    }
  }
  for (const p of problems) console.error(p);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`${ids.length} notes, ${total} annotations: ${JSON.stringify(counts)}`);
  console.log(`condition assertions: ${JSON.stringify(assertions)}`);
  if (problems.length) {
    console.error(`${problems.length} problem(s)`);
    process.exit(1);
  }
  console.log('gold OK');
}

if (import.meta.url === `file://${process.argv[1]}`) main();
