/**
 * A declarative CORE "Record Data" rule: the variables it reads (with `--` for the domain prefix) and a
 * predicate over their values, true when the record is non-conformant. Mirrors the `Check` of the rule YAML.
 *
 * The rule runs on a dataset only when every variable not listed in `optional` exists there (CORE skips a
 * rule whose variables are missing); an optional variable that is absent reads as `undefined`, so a
 * predicate can express CORE's `not_exists`. One finding per failing record, on `report` (default: the
 * first variable). The values array is reused across rows: do not keep it.
 */
import type { SdtmValue } from '../dataset.ts';
import type { DatasetContext, Report, Rule, RuleScope, Severity } from './types.ts';
import { show } from './values.ts';

export type RowValues = readonly (SdtmValue | undefined)[];

export interface RecordRuleDefinition {
  id: string;
  description: string;
  severity?: Severity;
  scope: RuleScope;
  variables: readonly string[];
  optional?: readonly string[];
  /** The variable whose value the issue points at; defaults to variables[0]. */
  report?: string;
  /** True when the record breaks the rule. */
  test(values: RowValues): boolean;
  /** The message; by default the description followed by the values read. */
  message?(values: RowValues, names: readonly string[]): string;
}

export function recordRule(def: RecordRuleDefinition): Rule {
  const optional = new Set(def.optional ?? []);
  const reportIndex = def.report ? def.variables.indexOf(def.report) : 0;
  if (reportIndex < 0) throw new Error(`${def.id}: report variable ${def.report} is not among its variables`);
  return {
    id: def.id,
    description: def.description,
    severity: def.severity ?? 'error',
    scope: def.scope,
    check(ds: DatasetContext, report: Report) {
      const names = def.variables.map((v) => ds.resolve(v));
      const keys = def.variables.map((v) => ds.key(v) ?? '');
      const present = keys.map((k) => k !== '');
      if (def.variables.some((v, i) => !present[i] && !optional.has(v))) return;
      const values: (SdtmValue | undefined)[] = new Array<SdtmValue | undefined>(names.length).fill(
        undefined,
      );
      const rows = ds.dataset.rows;
      const count = names.length;
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r];
        for (let i = 0; i < count; i++) values[i] = present[i] ? row[keys[i]] : undefined;
        if (!def.test(values)) continue;
        report({
          row: r,
          variable: names[reportIndex],
          value: values[reportIndex],
          message: def.message
            ? def.message(values, names)
            : `${def.description} (${names.map((n, i) => `${n}=${present[i] ? show(values[i]) : 'absent'}`).join(', ')})`,
        });
      }
    },
  };
}
