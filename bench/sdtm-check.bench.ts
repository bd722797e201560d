/**
 * SDTM conformance benchmark: the checker (lib/sdtm/conformance, every built-in check and CORE rule) on the CDISC
 * pilot LB datasets (LBCH + LBHE + LBUR, ≈ 60k rows) with their DM, read with our XPT reader from
 * ../shared/corpus/sdtm/cdiscpilot01_phuse_tdf_update2.
 *
 *   node --import tsx bench/sdtm-check.bench.ts [--runs 7] [--dir PATH] [--no-write-results]
 *
 * Run 1 is cold: it includes loading the SDTMIG and CT JSON and the JIT warming up. The median is over all runs.
 * Writes bench/results/sdtm-check.md. Target: < 5 s per check.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkConformance } from '../lib/sdtm/conformance/check-conformance.ts';
import { readXpt } from '../lib/sdtm/xpt/read-xpt.ts';
import { machineLine } from './machine.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    dir: {
      type: 'string',
      default: path.resolve(root, '../shared/corpus/sdtm/cdiscpilot01_phuse_tdf_update2'),
    },
    'no-write-results': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const dir = values.dir!;
const FILES = ['dm.xpt', 'lbch.xpt', 'lbhe.xpt', 'lbur.xpt'];

const readStart = performance.now();
const datasets = FILES.flatMap((f) => readXpt(fs.readFileSync(path.join(dir, f))));
const readSeconds = (performance.now() - readStart) / 1000;
const lbRows = datasets.filter((d) => d.name !== 'DM').reduce((n, d) => n + d.rows.length, 0);
const allRows = datasets.reduce((n, d) => n + d.rows.length, 0);
const loadBefore = os.loadavg()[0];

const seconds: number[] = [];
const cpuSeconds: number[] = [];
let issues = checkConformance([]);
for (let i = 0; i < runs; i++) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  issues = checkConformance(datasets);
  seconds.push((performance.now() - start) / 1000);
  const used = process.cpuUsage(cpu);
  cpuSeconds.push((used.user + used.system) / 1e6);
}
const sorted = [...seconds].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
const medianCpu = [...cpuSeconds].sort((a, b) => a - b)[Math.floor(cpuSeconds.length / 2)];
const byRule = new Map<string, number>();
for (const issue of issues) byRule.set(issue.ruleId, (byRule.get(issue.ruleId) ?? 0) + 1);
const loadAfter = os.loadavg()[0];

const md = `## SDTM conformance check

\`node --import tsx bench/sdtm-check.bench.ts --runs ${runs}\` — \`checkConformance\` with every rule (7 built-in checks + 38 CDISC CORE rules) on the CDISC pilot LB datasets LBCH, LBHE and LBUR (${lbRows.toLocaleString('en-US')} rows, 24 variables) plus DM (${datasets.find((d) => d.name === 'DM')?.rows.length ?? 0} rows, for the cross-dataset rules), read from \`cdiscpilot01_phuse_tdf_update2\` with \`readXpt\`. One process, ${runs} runs in a row; run 1 is cold (loads the SDTMIG and CT JSON, JIT warm-up). Target: < 5 s.

- Machine: ${machineLine()}
- Load average (1 min) before / after: ${loadBefore.toFixed(2)} / ${loadAfter.toFixed(2)} (the machine is shared)

| rows checked | issues | median s | cold s (run 1) | min–max s | CPU s (median) | rows/s (median) | reading the 4 XPT files s | meets target |
|---:|---:|---:|---:|---:|---:|---:|---:|---|
| ${allRows.toLocaleString('en-US')} | ${issues.length} | ${median.toFixed(3)} | ${seconds[0].toFixed(3)} | ${sorted[0].toFixed(3)}–${sorted[sorted.length - 1].toFixed(3)} | ${medianCpu.toFixed(3)} | ${Math.round(allRows / median).toLocaleString('en-US')} | ${readSeconds.toFixed(2)} | ${sorted[sorted.length - 1] < 5 ? 'yes' : 'no'} |

Issues by rule: ${[...byRule].map(([rule, n]) => `${rule} ${n}`).join(', ') || 'none'}.
`;
console.log(md);
if (!values['no-write-results']) {
  fs.writeFileSync(path.join(root, 'bench/results/sdtm-check.md'), md);
  console.log('wrote bench/results/sdtm-check.md');
}
