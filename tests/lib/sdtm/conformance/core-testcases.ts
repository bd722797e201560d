/**
 * Loads the CDISC CORE rule test cases copied into tests/fixtures/core-rules (from cdisc-org/cdisc-open-rules,
 * see reference/SOURCES.md): each case is `data/` (`_datasets.csv`, `_variables.csv`, one CSV per dataset) and
 * `results/results.csv` (Dataset, Record, Variable, Value: the expected findings, Record 1-based or empty).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SdtmDataset, SdtmVariable } from '../../../../lib/sdtm/dataset.ts';
import { parseCsv, parseExactNumber, readCsv } from '../../../../lib/sdtm/csv/read-csv.ts';

export const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/core-rules');

export interface CoreTestCase {
  rule: string;
  /** `negative/01`: negative cases must raise findings, positive ones none. */
  name: string;
  kind: 'positive' | 'negative';
  datasets: SdtmDataset[];
  /** Expected findings as `DATASET[record]`, or `DATASET` for dataset-level ones. */
  expected: Set<string>;
  /** Datasets of the case whose upstream CSV cannot be read (no variable names), left out. */
  skipped: string[];
}

function records(file: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(fs.readFileSync(file, 'utf8'));
  return rows
    .filter((r) => r.length === header.length)
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

export function loadCoreTestCase(rule: string, name: string): CoreTestCase {
  const dir = path.join(FIXTURES, rule, name);
  const variables = records(path.join(dir, 'data/_variables.csv'));
  const skipped: string[] = [];
  const datasets = records(path.join(dir, 'data/_datasets.csv')).flatMap(({ Filename, Label }) => {
    const file = fs.readFileSync(path.join(dir, 'data', `${Filename.toLowerCase()}.csv`), 'utf8');
    const [header = [], ...rows] = parseCsv(file);
    // CORE-000092 positive/01 ec.csv has no row of variable names upstream (its first line is blank): unreadable.
    if (header.some((name) => name === '')) {
      skipped.push(Filename.toUpperCase());
      return [];
    }
    // A few upstream cases put text ("<5") in a Num column; CORE reads such cells as missing numbers (NaN).
    const isNumber = (v: string) => v === '' || parseExactNumber(v) !== undefined || !Number.isNaN(Number(v));
    const dirty = new Set(
      header.filter((name, c) => {
        const v = variables.find(
          (x) => x.dataset.toLowerCase() === Filename.toLowerCase() && x.variable === name,
        );
        return v?.type === 'Num' && rows.some((r) => !isNumber(r[c] ?? ''));
      }),
    );
    const meta: SdtmVariable[] = variables
      .filter((v) => v.dataset.toLowerCase() === Filename.toLowerCase())
      .map((v) => ({
        name: v.variable,
        label: v.label,
        type: v.type === 'Num' && !dirty.has(v.variable) ? 'Num' : 'Char',
        ...(v.length ? { length: Number(v.length) } : {}),
      }));
    const dataset = readCsv(file, { name: Filename.toUpperCase(), label: Label, variables: meta });
    for (const name of dirty) {
      for (const row of dataset.rows) {
        const v = String(row[name] ?? '');
        row[name] = v === '' || Number.isNaN(Number(v)) ? null : Number(v);
      }
      const variable = dataset.variables.find((v) => v.name === name);
      if (variable) variable.type = 'Num';
    }
    return [dataset];
  });
  const expected = new Set(
    records(path.join(dir, 'results/results.csv')).map((r) =>
      r.Record ? `${r.Dataset}[${r.Record}]` : r.Dataset,
    ),
  );
  return {
    rule,
    name,
    kind: name.startsWith('positive') ? 'positive' : 'negative',
    datasets,
    expected,
    skipped,
  };
}

/** Every case of a rule, e.g. ['negative/01', 'positive/01']. */
export function coreTestCaseNames(rule: string): string[] {
  const dir = path.join(FIXTURES, rule);
  return ['negative', 'positive'].flatMap((kind) =>
    fs.existsSync(path.join(dir, kind))
      ? fs
          .readdirSync(path.join(dir, kind))
          .sort()
          .map((n) => `${kind}/${n}`)
      : [],
  );
}
