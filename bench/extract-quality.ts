/**
 * Extraction quality on the hand-annotated development set (bench/extract-dev, rules in its GUIDELINES.md).
 *
 *   node --import tsx bench/extract-quality.ts [--extractor PATH] [--no-write]
 *
 * Runs `extractFindings(text)` from lib/extract/extract-findings.ts on every note. Scores vitals, medication names,
 * full medications, allergies, present conditions and negation against the gold standard. Prints a table and
 * writes bench/results/extract-quality.md. Writes per-note false positives and false negatives to
 * bench/out/extract-quality/ (gitignored) for error analysis. Exit code: 0 when every target is met, 1 when some
 * target is missed, 2 when the extractor is unavailable.
 *
 * Splits (bench/extract-dev/split.csv): `tune` notes are the ones rules may be developed against; `test` notes are
 * held out. Scores are reported for all notes, for `tune` and for `test`; the per-note error dump covers the tune
 * notes only, so that error analysis never reads the held-out ones (`--errors-all` includes them).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ExtractedFinding, ExtractionResult } from '../lib/extract/contract.ts';
import { parseCsvRecords } from './extract-dev/csv.ts';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  TARGETS,
  aggregate,
  meetsTargets,
  scoreDocument,
  type Category,
  type CorpusScore,
  type DocumentScore,
  type GoldDocument,
} from './extract-dev/score.ts';

const root = path.resolve(import.meta.dirname, '..');
const devDir = path.join(root, 'bench/extract-dev');
const resultsFile = path.join(root, 'bench/results/extract-quality.md');
const outDir = path.join(root, 'bench/out/extract-quality');
const HISTORY_MARKER = '<!-- history: kept by bench/extract-quality.ts -->';

type ExtractFn = (text: string) => ExtractionResult | Promise<ExtractionResult>;

interface NoteRun {
  doc: GoldDocument;
  text: string;
  result: ExtractionResult;
  ms: number;
  unanchored: number;
  score: DocumentScore;
}

async function loadExtractor(file: string): Promise<ExtractFn | null> {
  if (!existsSync(file)) return null;
  const mod = (await import(pathToFileURL(file).href)) as { extractFindings?: unknown };
  return typeof mod.extractFindings === 'function' ? (mod.extractFindings as ExtractFn) : null;
}

type Split = 'tune' | 'test';

function readSplits(): Map<string, Split> {
  const file = path.join(devDir, 'split.csv');
  const splits = new Map<string, Split>();
  if (!existsSync(file)) return splits;
  for (const row of parseCsvRecords(readFileSync(file, 'utf8'))) {
    if (row.split !== 'tune' && row.split !== 'test') throw new Error(`split.csv: bad split for ${row.id}`);
    splits.set(row.id, row.split);
  }
  return splits;
}

function sourceOf(id: string): string {
  return id.startsWith('mts-') ? 'MTSamples' : id.startsWith('aci-') ? 'ACI-Bench' : 'Synthea';
}

const pct = (x: number) => x.toFixed(3);

function tableRows(score: CorpusScore, met: Record<string, boolean>): string[][] {
  const rows = CATEGORIES.map((c: Category) => {
    const s = score.categories[c];
    return [
      CATEGORY_LABELS[c],
      String(s.tp + s.fn),
      String(s.tp + s.fp),
      String(s.tp),
      String(s.fp),
      String(s.fn),
      pct(s.precision),
      pct(s.recall),
      pct(s.f1),
      `≥ ${TARGETS[c].toFixed(2)}`,
      met[c] ? 'yes' : 'NO',
    ];
  });
  const n = score.negationAccuracy;
  rows.push([
    CATEGORY_LABELS.negationAccuracy,
    String(n.paired),
    '',
    String(n.correct),
    '',
    String(n.paired - n.correct),
    '',
    '',
    pct(n.accuracy),
    `≥ ${TARGETS.negationAccuracy.toFixed(2)}`,
    met.negationAccuracy ? 'yes' : 'NO',
  ]);
  return rows;
}

const HEADER = [
  'metric',
  'gold',
  'system',
  'TP',
  'FP',
  'FN',
  'precision',
  'recall',
  'F1 / acc.',
  'target',
  'met',
];

function printTable(rows: string[][]): void {
  const all = [HEADER, ...rows];
  const widths = HEADER.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  for (const [k, r] of all.entries()) {
    console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
    if (k === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

function tableMarkdown(rows: string[][]): string[] {
  return [
    `| ${HEADER.join(' | ')} |`,
    `|${HEADER.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

interface SplitScore {
  name: string;
  ids: string[];
  annotations: number;
  score: CorpusScore;
  met: Record<string, boolean>;
}

function splitSection(s: SplitScore): string[] {
  return [
    `### ${s.name}: ${s.ids.length} notes, ${s.annotations} gold annotations`,
    '',
    `Notes: ${s.ids.map((id) => `\`${id}\``).join(', ')}`,
    '',
    ...tableMarkdown(tableRows(s.score, s.met)),
    '',
  ];
}

function markdown(
  runs: NoteRun[],
  score: CorpusScore,
  met: Record<string, boolean>,
  extractor: string,
  splits: SplitScore[],
): string {
  const bySource = new Map<string, number>();
  for (const r of runs) bySource.set(sourceOf(r.doc.id), (bySource.get(sourceOf(r.doc.id)) ?? 0) + 1);
  const ann: Record<string, number> = {};
  for (const r of runs) for (const a of r.doc.annotations) ann[a.category] = (ann[a.category] ?? 0) + 1;
  const totalAnn = Object.values(ann).reduce((a, b) => a + b, 0);
  const findings = runs.reduce((n, r) => n + r.result.findings.length, 0);
  const unanchored = runs.reduce((n, r) => n + r.unanchored, 0);
  const ms = runs.reduce((n, r) => n + r.ms, 0);
  const rows = tableRows(score, met);
  const lines = [
    '# Extraction quality',
    '',
    '## Extraction quality on the hand-annotated development set',
    '',
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
    `- Extractor: ${extractor}`,
    `- Dataset: \`bench/extract-dev\`, ${runs.length} notes (${[...bySource].map(([k, v]) => `${v} ${k}`).join(', ')}), ` +
      `${totalAnn} gold annotations (${ann.condition ?? 0} conditions, ${ann.medication ?? 0} medications, ` +
      `${ann.vital ?? 0} vital signs, ${ann.allergy ?? 0} allergies)`,
    '- Matching rules: `bench/extract-dev/GUIDELINES.md`, "How the scorer matches"; counts are micro-averaged over notes',
    `- Run: \`node --import tsx bench/extract-quality.ts\` — ${findings} findings in ${(ms / 1000).toFixed(1)} s` +
      (unanchored ? `; ${unanchored} findings whose text differs from the slice at their offsets` : ''),
    '',
    '### All 38 notes',
    '',
    ...tableMarkdown(rows),
    '',
    'For negation accuracy, "gold" counts the gold conditions the system found (any overlapping condition finding),',
    'TP counts those whose negated/not-negated status agrees, and FN counts those that disagree.',
    '',
    'Informational:',
    '',
    `- Negated conditions: P ${pct(score.negatedConditions.precision)}, R ${pct(score.negatedConditions.recall)}, ` +
      `F1 ${pct(score.negatedConditions.f1)} (TP ${score.negatedConditions.tp}, FP ${score.negatedConditions.fp}, FN ${score.negatedConditions.fn})`,
    `- Six-way assertion agreement on paired conditions: ${pct(score.assertionAgreement.accuracy)} ` +
      `(${score.assertionAgreement.correct}/${score.assertionAgreement.paired})`,
    `- Medication names with span overlap required: F1 ${pct(score.medicationNamesAnchored.f1)} ` +
      `(TP ${score.medicationNamesAnchored.tp}, FP ${score.medicationNamesAnchored.fp}, FN ${score.medicationNamesAnchored.fn})`,
    '',
    '## Per split',
    '',
    'The held-out `test` split (`bench/extract-dev/split.csv`, 8 notes: the first 3 MTSamples, 3 ACI-Bench and 2',
    'Synthea ids of each source in SHA-256 order of the id, fixed before any tuning) is never used to develop rules;',
    'its errors are not written to the error dump. The `tune` split is the rest.',
    '',
    ...splits.flatMap(splitSection),
    'Per-note false positives and negatives of the tune split: `bench/out/extract-quality/` (not committed).',
    '',
  ];
  return lines.join('\n');
}

function errorDump(runs: NoteRun[]): string {
  const lines = ['# Extraction errors by note', ''];
  const tally = new Map<string, number>();
  for (const r of runs) {
    lines.push(`## ${r.doc.id}`, '');
    for (const c of CATEGORIES) {
      const res = r.score.categories[c];
      if (!res.falseNegatives.length && !res.falsePositives.length) continue;
      lines.push(`### ${CATEGORY_LABELS[c]}`, '');
      for (const e of res.falseNegatives) {
        lines.push(`- FN \`${e.text}\` @${e.start} — ${e.detail ?? ''}`);
        tally.set(`${c} FN ${e.text.toLowerCase()}`, (tally.get(`${c} FN ${e.text.toLowerCase()}`) ?? 0) + 1);
      }
      for (const e of res.falsePositives) {
        lines.push(`- FP \`${e.text}\` @${e.start} — ${e.detail ?? ''}`);
        tally.set(`${c} FP ${e.text.toLowerCase()}`, (tally.get(`${c} FP ${e.text.toLowerCase()}`) ?? 0) + 1);
      }
      lines.push('');
    }
    if (r.score.negation.errors.length) {
      lines.push('### Negation disagreements', '');
      for (const e of r.score.negation.errors)
        lines.push(`- \`${e.text}\` @${e.start} gold ${e.gold}, system negated=${e.systemNegated}`);
      lines.push('');
    }
  }
  const top = [...tally].sort((a, b) => b[1] - a[1]).slice(0, 40);
  return [...lines, '## Most frequent errors', '', ...top.map(([k, v]) => `- ${v} × ${k}`), ''].join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const ei = args.indexOf('--extractor');
  const extractorPath = path.resolve(root, ei >= 0 ? args[ei + 1] : 'lib/extract/extract-findings.ts');
  const write = !args.includes('--no-write');

  const extract = await loadExtractor(extractorPath);
  if (!extract) {
    console.error(
      `extractor not available: ${path.relative(root, extractorPath)} must export extractFindings(text)`,
    );
    process.exit(2);
  }

  const manifest = parseCsvRecords(readFileSync(path.join(devDir, 'manifest.csv'), 'utf8'));
  const runs: NoteRun[] = [];
  let extractor = '';
  for (const { id } of manifest) {
    const text = readFileSync(path.join(devDir, 'notes', `${id}.txt`), 'utf8');
    const doc = JSON.parse(readFileSync(path.join(devDir, 'gold', `${id}.json`), 'utf8')) as GoldDocument;
    const t0 = performance.now();
    const result = await extract(text);
    const ms = performance.now() - t0;
    extractor ||= `${result.extractor?.id ?? '?'} ${result.extractor?.version ?? '?'}`;
    const findings: ExtractedFinding[] = result.findings ?? [];
    const unanchored = findings.filter((f) => text.slice(f.start, f.end) !== f.text).length;
    runs.push({ doc, text, result, ms, unanchored, score: scoreDocument(doc, findings) });
  }

  const score = aggregate(runs.map((r) => r.score));
  const met = meetsTargets(score);
  console.log(`Extractor ${extractor} on ${runs.length} notes (bench/extract-dev)\n`);
  printTable(tableRows(score, met));
  const splitOf = readSplits();
  const splits: SplitScore[] = (
    [
      ['Tune split', 'tune'],
      ['Held-out test split', 'test'],
    ] as const
  ).map(([name, key]) => {
    const rs = runs.filter((r) => (splitOf.get(r.doc.id) ?? 'tune') === key);
    const s = aggregate(rs.map((r) => r.score));
    return {
      name,
      ids: rs.map((r) => r.doc.id),
      annotations: rs.reduce((n, r) => n + r.doc.annotations.length, 0),
      score: s,
      met: meetsTargets(s),
    };
  });
  for (const sp of splits) {
    console.log(`\n${sp.name} (${sp.ids.length} notes)`);
    printTable(tableRows(sp.score, sp.met));
  }
  const errorRuns = args.includes('--errors-all')
    ? runs
    : runs.filter((r) => (splitOf.get(r.doc.id) ?? 'tune') === 'tune');
  console.log(
    `\nnegated conditions F1 ${pct(score.negatedConditions.f1)}; assertion agreement ${pct(score.assertionAgreement.accuracy)}; ` +
      `anchored medication-name F1 ${pct(score.medicationNamesAnchored.f1)}`,
  );

  if (write) {
    mkdirSync(path.dirname(resultsFile), { recursive: true });
    // Hand-written notes below the history marker (earlier runs, comparisons) are kept across runs.
    const previous = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '';
    const history = previous.includes(HISTORY_MARKER) ? previous.slice(previous.indexOf(HISTORY_MARKER)) : '';
    writeFileSync(
      resultsFile,
      markdown(runs, score, met, extractor, splits) + (history ? `\n${history.trimEnd()}\n` : ''),
    );
    mkdirSync(outDir, { recursive: true });
    for (const r of errorRuns)
      writeFileSync(
        path.join(outDir, `${r.doc.id}.json`),
        JSON.stringify({ id: r.doc.id, score: r.score, findings: r.result.findings }, null, 2),
      );
    writeFileSync(path.join(outDir, 'errors.md'), errorDump(errorRuns));
    console.log(`\nwrote ${path.relative(root, resultsFile)} and ${path.relative(root, outDir)}/`);
  }
  process.exit(Object.values(met).every(Boolean) ? 0 : 1);
}

await main();
