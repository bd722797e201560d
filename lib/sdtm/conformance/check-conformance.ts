/**
 * The SDTM conformance checker: runs CDISC CORE rules (SDTMIG 3.4) and built-in checks over a study's datasets
 * and returns every issue found, never stopping at the first.
 *
 * ```ts
 * const issues = checkConformance([dm, lb, vs]); // ConformanceIssue[]
 * // { path: 'LB.LBSTRESC[12]', ruleId: 'CORE-000021', severity: 'error', message: '…', dataset: 'LB', row: 12, … }
 * ```
 *
 * Paths are `DATASET`, `DATASET.VARIABLE` or `DATASET.VARIABLE[row]` with **1-based** rows (CORE's "Record").
 * Issues come grouped by dataset (in input order), then by rule (in `rules` order), then by row.
 */
import type { SdtmDataset } from '../dataset.ts';
import { BUILTIN_RULES } from './builtin/builtin-rules.ts';
import { CORE_RULES } from './rules/core-rules.ts';
import { buildStudyContext } from './study-context.ts';
import type { ConformanceIssue, DatasetContext, Finding, Rule, RuleScope } from './types.ts';

/** Every rule the checker runs by default: the built-in checks, then the CORE rules. */
export const ALL_RULES: readonly Rule[] = [...BUILTIN_RULES, ...CORE_RULES];

export interface CheckConformanceOptions {
  /** The rules to run (default ALL_RULES). */
  rules?: readonly Rule[];
}

function isAssociatedPersons(domain: string): boolean {
  return /^AP[A-Z]{2}$/.test(domain);
}

export function inScope(scope: RuleScope, ds: DatasetContext): boolean {
  if (scope.classes !== 'ALL' && (!ds.coreClass || !scope.classes.includes(ds.coreClass))) return false;
  if (scope.domains && scope.domains !== 'ALL' && !scope.domains.includes(ds.domain)) return false;
  if (scope.excludeDomains) {
    for (const d of scope.excludeDomains) {
      if (d === ds.domain || (d === 'AP--' && isAssociatedPersons(ds.domain))) return false;
    }
  }
  return true;
}

export function checkConformance(
  datasets: readonly SdtmDataset[],
  options: CheckConformanceOptions = {},
): ConformanceIssue[] {
  const rules = options.rules ?? ALL_RULES;
  const study = buildStudyContext(datasets);
  const issues: ConformanceIssue[] = [];
  for (const ds of study.datasets) {
    for (const rule of rules) {
      if (!inScope(rule.scope, ds)) continue;
      rule.check(ds, (finding: Finding) => {
        const { row, variable } = finding;
        const base = variable === undefined ? ds.dataset.name : `${ds.dataset.name}.${variable}`;
        const issue: ConformanceIssue = {
          path: row === undefined ? base : `${base}[${row + 1}]`,
          ruleId: rule.id,
          severity: rule.severity,
          message: finding.message,
          dataset: ds.dataset.name,
        };
        if (variable !== undefined) issue.variable = variable;
        if (row !== undefined) issue.row = row + 1;
        if (finding.value !== undefined) issue.value = finding.value;
        issues.push(issue);
      });
    }
  }
  return issues;
}
