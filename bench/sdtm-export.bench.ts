/**
 * SDTM export benchmark: streams synthetic VS records (15 realistic variables) to an XPT file and to a CSV
 * file in a temp dir, through the streaming writers of lib/sdtm/xpt and lib/sdtm/csv.
 *
 *   node --import tsx bench/sdtm-export.bench.ts [--rows 1000000] [--runs 5] [--no-write-results]
 *
 * Each run is its own child process, so its peak RSS (process.resourceUsage().maxRSS, cross-checked by
 * sampling memoryUsage().rss every 20 ms) belongs to that run alone. The rate includes generating the rows
 * (as an export from the database would build them); a generate-only run is reported for comparison.
 * Writes the markdown section to bench/results/sdtm-export.md. Targets: >= 200,000 rows/s, peak RSS < 500 MB.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SdtmVariable } from '../lib/sdtm/dataset.ts';
import { createCsvWriter } from '../lib/sdtm/csv/write-csv.ts';
import { readXpt } from '../lib/sdtm/xpt/read-xpt.ts';
import { createXptWriter } from '../lib/sdtm/xpt/write-xpt.ts';

type Mode = 'xpt' | 'csv' | 'generate';

const VARIABLES: SdtmVariable[] = [
  { name: 'STUDYID', label: 'Study Identifier', type: 'Char', length: 12 },
  { name: 'DOMAIN', label: 'Domain Abbreviation', type: 'Char', length: 2 },
  { name: 'USUBJID', label: 'Unique Subject Identifier', type: 'Char', length: 22 },
  { name: 'VSSEQ', label: 'Sequence Number', type: 'Num', length: 8 },
  { name: 'VSTESTCD', label: 'Vital Signs Test Short Name', type: 'Char', length: 8 },
  { name: 'VSTEST', label: 'Vital Signs Test Name', type: 'Char', length: 24 },
  { name: 'VSORRES', label: 'Result or Finding in Original Units', type: 'Char', length: 8 },
  { name: 'VSORRESU', label: 'Original Units', type: 'Char', length: 11 },
  { name: 'VSSTRESC', label: 'Character Result/Finding in Std Format', type: 'Char', length: 8 },
  { name: 'VSSTRESN', label: 'Numeric Result/Finding in Standard Units', type: 'Num', length: 8 },
  { name: 'VSSTRESU', label: 'Standard Units', type: 'Char', length: 11 },
  { name: 'VISITNUM', label: 'Visit Number', type: 'Num', length: 8 },
  { name: 'VISIT', label: 'Visit Name', type: 'Char', length: 11 },
  { name: 'VSDTC', label: 'Date/Time of Measurements', type: 'Char', length: 16 },
  { name: 'VSDY', label: 'Study Day of Vital Signs', type: 'Num', length: 8 },
];

const TESTS = [
  { cd: 'SYSBP', test: 'Systolic Blood Pressure', unit: 'mmHg', mean: 125, sd: 15, decimals: 0 },
  { cd: 'DIABP', test: 'Diastolic Blood Pressure', unit: 'mmHg', mean: 78, sd: 10, decimals: 0 },
  { cd: 'PULSE', test: 'Pulse Rate', unit: 'beats/min', mean: 72, sd: 11, decimals: 0 },
  { cd: 'RESP', test: 'Respiratory Rate', unit: 'breaths/min', mean: 16, sd: 3, decimals: 0 },
  { cd: 'TEMP', test: 'Temperature', unit: 'C', mean: 36.8, sd: 0.4, decimals: 1 },
  { cd: 'WEIGHT', test: 'Weight', unit: 'kg', mean: 78, sd: 16, decimals: 1 },
  { cd: 'HEIGHT', test: 'Height', unit: 'cm', mean: 170, sd: 10, decimals: 0 },
];
const VISITS = [
  { num: 1, name: 'SCREENING 1', day: -14 },
  { num: 2, name: 'SCREENING 2', day: -7 },
  { num: 3, name: 'BASELINE', day: 1 },
  { num: 4, name: 'WEEK 2', day: 15 },
  { num: 5, name: 'WEEK 4', day: 29 },
  { num: 7, name: 'WEEK 8', day: 57 },
  { num: 8, name: 'WEEK 12', day: 85 },
  { num: 9, name: 'WEEK 16', day: 113 },
  { num: 10, name: 'WEEK 20', day: 141 },
  { num: 11, name: 'WEEK 24', day: 169 },
  { num: 12, name: 'WEEK 26', day: 183 },
  { num: 13, name: 'UNSCHEDULED', day: 190 },
];
const DAY_MS = 86_400_000;

/** Deterministic VS rows, one object per row as a database export would build them. */
function* vsRows(count: number): Generator<Record<string, string | number | null>[]> {
  let seed = 0x9e3779b9;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const perSubject = TESTS.length * VISITS.length;
  let batch: Record<string, string | number | null>[] = [];
  let usubjid = '';
  let dates: string[] = [];
  for (let n = 0; n < count; n++) {
    const subject = Math.floor(n / perSubject);
    const k = n % perSubject;
    if (k === 0) {
      // Per-subject strings, built once per subject as a database export would read them.
      usubjid = `IMAGEHR-VS01-${701 + (subject % 10)}-${String(subject).padStart(5, '0')}`;
      const start = Date.UTC(2024, 0, 8) + (subject % 400) * DAY_MS + (8 * 60 + (subject % 180)) * 60_000;
      dates = VISITS.map((v) =>
        new Date(start + (v.day - (v.day > 0 ? 1 : 0)) * DAY_MS).toISOString().slice(0, 16),
      );
    }
    const v = Math.floor(k / TESTS.length);
    const visit = VISITS[v];
    const test = TESTS[k % TESTS.length];
    const missing = random() < 0.01;
    const value = Number((test.mean + (random() * 2 - 1) * 1.7 * test.sd).toFixed(test.decimals));
    const text = missing ? '' : value.toFixed(test.decimals);
    batch.push({
      STUDYID: 'IMAGEHR-VS01',
      DOMAIN: 'VS',
      USUBJID: usubjid,
      VSSEQ: k + 1,
      VSTESTCD: test.cd,
      VSTEST: test.test,
      VSORRES: text,
      VSORRESU: missing ? '' : test.unit,
      VSSTRESC: text,
      VSSTRESN: missing ? null : value,
      VSSTRESU: missing ? '' : test.unit,
      VISITNUM: visit.num,
      VISIT: visit.name,
      VSDTC: dates[v],
      VSDY: visit.day,
    });
    if (batch.length === 1000) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

interface RunResult {
  mode: Mode;
  rows: number;
  seconds: number;
  /** User + system CPU time of the run: less sensitive than wall time to other load on the machine. */
  cpuSeconds: number;
  rowsPerSecond: number;
  maxRssMb: number;
  sampledPeakRssMb: number;
  bytes: number;
}

async function child(mode: Mode, rows: number, dir: string): Promise<RunResult> {
  let sampled = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    sampled = Math.max(sampled, process.memoryUsage().rss);
  }, 20);
  const file = path.join(dir, `vs.${mode === 'generate' ? 'none' : mode}`);
  const dataset = { name: 'VS', label: 'Vital Signs', variables: VARIABLES };
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let bytes = 0;
  if (mode === 'generate') {
    let n = 0;
    for (const batch of vsRows(rows)) n += batch.length;
    if (n !== rows) throw new Error('generator miscounted');
  } else {
    const writer = mode === 'xpt' ? createXptWriter(dataset, file) : createCsvWriter(dataset, file);
    for (const batch of vsRows(rows)) await writer.writeBatch(batch);
    bytes = (await writer.end()).bytes;
    if (fs.statSync(file).size !== bytes) throw new Error(`${file}: size differs from bytes written`);
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  sampled = Math.max(sampled, process.memoryUsage().rss);
  if (mode === 'xpt' && rows <= 100_000) {
    // Small runs double as a check that the file reads back.
    const [ds] = readXpt(fs.readFileSync(file));
    if (ds.rows.length !== rows) throw new Error(`read back ${ds.rows.length} rows, wrote ${rows}`);
  }
  if (mode !== 'generate') fs.rmSync(file);
  return {
    mode,
    rows,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    rowsPerSecond: rows / seconds,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    sampledPeakRssMb: sampled / 2 ** 20,
    bytes,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function machine(): string[] {
  const cpu =
    fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? os.cpus()[0]?.model;
  const nproc = execFileSync('nproc').toString().trim();
  return [
    `- CPU: ${cpu}, \`nproc\` = ${nproc}`,
    `- Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- Node ${process.version} (${os.platform()} ${os.release()})`,
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
  ];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string, fallback: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const rows = Number(arg('--rows', '1000000'));
  if (args[0] === '--child') {
    const result = await child(args[1] as Mode, rows, arg('--dir', os.tmpdir()));
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const runs = Number(arg('--runs', '5'));
  const loadBefore = os.loadavg()[0];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imagehr-sdtm-bench-'));
  const self = path.resolve(import.meta.dirname, 'sdtm-export.bench.ts');
  const results: Record<Mode, RunResult[]> = { xpt: [], csv: [], generate: [] };
  try {
    for (let run = 0; run < runs; run++) {
      for (const mode of ['xpt', 'csv', 'generate'] as Mode[]) {
        const out = execFileSync(
          process.execPath,
          ['--import', 'tsx', self, '--child', mode, '--rows', String(rows), '--dir', dir],
          { encoding: 'utf8', maxBuffer: 1 << 20 },
        );
        const result = JSON.parse(out.trim().split('\n').pop()!) as RunResult;
        results[mode].push(result);
        console.error(
          `run ${run + 1}/${runs} ${mode}: ${Math.round(result.rowsPerSecond).toLocaleString('en-US')} rows/s, ` +
            `${result.seconds.toFixed(2)} s, peak RSS ${result.maxRssMb.toFixed(0)} MB`,
        );
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const line = (label: string, mode: Mode) => {
    const r = results[mode];
    const rate = median(r.map((x) => x.rowsPerSecond));
    const rss = median(r.map((x) => x.maxRssMb));
    const sampledRss = median(r.map((x) => x.sampledPeakRssMb));
    const size = r[0].bytes ? `${(r[0].bytes / 2 ** 20).toFixed(1)} MiB` : '–';
    const pass = mode === 'generate' ? '–' : rate >= 200_000 && rss < 500 ? 'yes' : '**no**';
    const range = `${fmt(Math.min(...r.map((x) => x.rowsPerSecond)))}–${fmt(Math.max(...r.map((x) => x.rowsPerSecond)))}`;
    const perCpu = median(r.map((x) => x.rows / x.cpuSeconds));
    return `| ${label} | ${fmt(rate)} | ${range} | ${fmt(perCpu)} | ${median(r.map((x) => x.seconds)).toFixed(2)} | ${rss.toFixed(0)} | ${sampledRss.toFixed(0)} | ${size} | ${pass} |`;
  };
  const markdown = [
    '## SDTM export: streaming XPT and CSV writers',
    '',
    `\`node --import tsx bench/sdtm-export.bench.ts --rows ${rows} --runs ${runs}\` — ${fmt(rows)} synthetic VS records`,
    '(STUDYID, DOMAIN, USUBJID, VSSEQ, VSTESTCD, VSTEST, VSORRES, VSORRESU, VSSTRESC, VSSTRESN, VSSTRESU, VISITNUM,',
    'VISIT, VSDTC, VSDY; 1% missing results) streamed in batches of 1,000 rows with `createXptWriter` /',
    '`createCsvWriter` to a file in a temp dir. Each run is a fresh child process; the figures are medians of',
    `${runs} runs. Rates include building the row objects; the generate-only line shows what that costs alone.`,
    'Peak RSS is `process.resourceUsage().maxRSS` of the run (Node and tsx included), cross-checked by sampling',
    '`process.memoryUsage().rss` every 20 ms. Targets: >= 200,000 rows/s and peak RSS < 500 MB.',
    '',
    ...machine(),
    `- Load average (1 min) when the runs started / ended: ${loadBefore.toFixed(2)} / ${os.loadavg()[0].toFixed(2)} ` +
      '(other work was running on the machine; "rows per CPU-second" is the less load-sensitive figure)',
    '',
    '| output | rows/s (median) | rows/s (min–max) | rows per CPU-second | seconds | peak RSS MB (maxRSS) | peak RSS MB (sampled) | file size | meets target |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|',
    line('XPT v5', 'xpt'),
    line('CSV (RFC 4180)', 'csv'),
    line('generate rows only', 'generate'),
    '',
  ].join('\n');
  console.log(markdown);
  if (!args.includes('--no-write-results')) {
    const out = path.resolve(import.meta.dirname, 'results/sdtm-export.md');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, markdown);
    console.error(`wrote ${path.relative(process.cwd(), out)}`);
  }
}

await main();
