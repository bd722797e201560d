/**
 * `imagehr compare sdtm DIR_A DIR_B [--json] [--limit N]`: reads the .xpt and .csv SDTM datasets of two
 * folders (no database), compares them domain by domain with records matched by natural key, not --SEQ
 * (lib/sdtm/compare), and prints a per-domain summary and the first N differences (default 50), or
 * everything as JSON with --json.
 *
 * Exit codes: 0 identical, 1 they differ, 2 bad usage or unreadable input (the message names the file).
 */
import { parseArgs } from 'node:util';
import { compareSdtmStudies } from '../../lib/sdtm/compare/compare-studies.ts';
import type { SdtmDifference, StudyComparison } from '../../lib/sdtm/compare/types.ts';
import type { SdtmValue } from '../../lib/sdtm/dataset.ts';
import { readSdtmFolder, SdtmFolderError } from '../../lib/sdtm/read-dataset-folder.ts';

const USAGE =
  'usage: imagehr compare sdtm DIR_A DIR_B [--json] [--limit N]   (each DIR holds .xpt or .csv SDTM datasets)';

function show(value: SdtmValue): string {
  return value === null ? '(missing)' : JSON.stringify(value);
}

function describe(d: SdtmDifference): string {
  switch (d.kind) {
    case 'domain-only-in-a':
    case 'domain-only-in-b':
      return `${d.path}: only in ${d.kind.endsWith('a') ? 'A' : 'B'} (${d.datasets.join(', ')}, ${d.rows} rows)`;
    case 'variable-only-in-a':
    case 'variable-only-in-b':
      return `${d.path}: variable only in ${d.kind.endsWith('a') ? 'A' : 'B'}`;
    case 'record-only-in-a':
    case 'record-only-in-b':
      return `${d.path}: record only in ${d.kind.endsWith('a') ? 'A' : 'B'} (${d.dataset} row ${d.row})`;
    case 'value-changed':
      return `${d.path}: ${show(d.a)} → ${show(d.b)}`;
  }
}

function printSummary(result: StudyComparison, limit: number): void {
  const head = [
    'domain',
    'rows A',
    'rows B',
    'matched',
    'only A',
    'only B',
    'changed',
    'vars A/B',
    'dup keys',
  ];
  const rows = result.domains.map((d) => [
    d.domain,
    String(d.rowsA),
    String(d.rowsB),
    String(d.matched),
    String(d.onlyInA),
    String(d.onlyInB),
    String(d.changedRecords),
    `${d.variablesOnlyInA.length}/${d.variablesOnlyInB.length}`,
    String(d.duplicateKeys),
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (r: string[]) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])));
  console.log(line(head).join('  '));
  for (const r of rows) console.log(line(r).join('  '));
  const duplicated = result.domains.filter((d) => d.duplicateKeys > 0);
  if (duplicated.length > 0) {
    console.log(
      `\nnote: keys not unique in ${duplicated.map((d) => `${d.domain} (${d.keyVariables.join('+')})`).join(', ')}; ` +
        'their records were paired by equal content, then in file order',
    );
  }
  const shown = result.differences.slice(0, limit);
  if (shown.length > 0) {
    console.log(`\n${result.differences.length} difference${result.differences.length === 1 ? '' : 's'}:`);
    for (const d of shown) console.log(`  ${describe(d)}`);
    if (result.differences.length > shown.length) {
      console.log(`  … ${result.differences.length - shown.length} more (--limit N or --json for all)`);
    }
  }
}

export async function compareCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, limit: { type: 'string' } },
    });
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { positionals, values } = parsed;
  const [what, dirA, dirB, extra] = positionals;
  const limit = values.limit === undefined ? 50 : Number(values.limit);
  if (what !== 'sdtm' || !dirA || !dirB || extra !== undefined || !Number.isInteger(limit) || limit < 0) {
    console.error(USAGE);
    return 2;
  }
  let datasetsA, datasetsB;
  try {
    datasetsA = readSdtmFolder(dirA).flatMap((f) => f.datasets);
    datasetsB = readSdtmFolder(dirB).flatMap((f) => f.datasets);
  } catch (e) {
    if (e instanceof SdtmFolderError) {
      console.error(`imagehr compare: ${e.message}`);
      return 2;
    }
    throw e;
  }
  const started = performance.now();
  const result = compareSdtmStudies(datasetsA, datasetsB);
  const seconds = (performance.now() - started) / 1000;
  if (values.json) {
    process.stdout.write(
      JSON.stringify({ a: dirA, b: dirB, seconds: Number(seconds.toFixed(3)), ...result }) + '\n',
    );
  } else {
    printSummary(result, limit);
    const n = result.differences.length;
    console.log(
      `\n${result.identical ? 'identical' : `${n} difference${n === 1 ? '' : 's'}`}: A = ${dirA}, B = ${dirB} ` +
        `(compared in ${seconds.toFixed(2)} s)`,
    );
  }
  return result.identical ? 0 : 1;
}
