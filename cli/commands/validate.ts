/**
 * `imagehr validate sdtm DIR [--json]`: reads every .xpt and .csv SDTM dataset in DIR (no database), runs the
 * conformance checker (lib/sdtm/conformance) and prints the issues — a table by default, JSON with --json.
 *
 * Exit codes: 0 no error-severity issue (warnings allowed), 1 at least one error, 2 bad usage or unreadable input
 * (missing folder, no datasets, a truncated or non-XPT file, malformed CSV).
 */
import { checkConformance } from '../../lib/sdtm/conformance/check-conformance.ts';
import type { ConformanceIssue } from '../../lib/sdtm/conformance/types.ts';
import { readSdtmFolder, SdtmFolderError, type SdtmFolderFile } from '../../lib/sdtm/read-dataset-folder.ts';

const USAGE = 'usage: imagehr validate sdtm DIR [--json]   (DIR holds .xpt or .csv SDTM datasets)';

function printTable(issues: readonly ConformanceIssue[]): void {
  const rows = issues.map((i) => [i.severity, i.ruleId, i.path, i.message]);
  const head = ['severity', 'rule', 'path', 'message'];
  const widths = [0, 1, 2].map((c) => Math.max(head[c].length, ...rows.map((r) => r[c].length)));
  const line = (r: string[]) => r.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]) : cell)).join('  ');
  console.log(line(head));
  console.log(line(widths.map((w) => '-'.repeat(w)).concat('-------')));
  for (const r of rows) console.log(line(r));
}

export async function validate(
  positionals: string[],
  opts: Record<string, string | boolean | undefined>,
): Promise<number> {
  const [what, dir] = positionals;
  if (what !== 'sdtm' || !dir) {
    console.error(USAGE);
    return 2;
  }
  let read: SdtmFolderFile[];
  try {
    read = readSdtmFolder(dir);
  } catch (e) {
    if (e instanceof SdtmFolderError) {
      console.error(`imagehr validate: ${e.message}`);
      return 2;
    }
    throw e;
  }
  const datasets = read.flatMap((r) => r.datasets);
  const started = performance.now();
  const issues = checkConformance(datasets);
  const seconds = (performance.now() - started) / 1000;
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  const rows = datasets.reduce((n, d) => n + d.rows.length, 0);
  if (opts.json) {
    const summary = {
      datasets: datasets.length,
      rows,
      errors,
      warnings,
      seconds: Number(seconds.toFixed(3)),
    };
    const files = read.map((r) => ({
      file: r.file,
      datasets: r.datasets.map((d) => ({ name: d.name, rows: d.rows.length })),
    }));
    process.stdout.write(JSON.stringify({ summary, files, issues }) + '\n');
  } else {
    if (issues.length > 0) printTable(issues);
    console.log(
      `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${datasets.length} dataset${datasets.length === 1 ? '' : 's'} (${rows} rows) from ${dir}, checked in ${seconds.toFixed(2)} s`,
    );
  }
  return errors > 0 ? 1 : 0;
}
