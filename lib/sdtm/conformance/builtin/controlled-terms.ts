import { type Codelist, codelist, isSubmissionValue } from '../../standards/controlled-terminology.ts';
import { variableSpec } from '../../standards/sdtmig.ts';
import type { Rule } from '../types.ts';
import { isEmpty, show, text } from '../values.ts';

/**
 * Values of variables whose SDTMIG 3.4 codelists are all non-extensible (SEX, NY, ...) are submission values of
 * one of them (CDISC CT 2025-03-28), exactly and in the same case. Extensible codelists are not checked: a
 * sponsor may add terms to them.
 */
export const controlledTerms = {
  id: 'SDTM-CT-NONEXTENSIBLE',
  description: 'Values of variables with non-extensible codelists are submission values of the codelist',
  severity: 'error',
  scope: { classes: 'ALL' },
  check(ds, report) {
    const columns: { key: string; lists: Codelist[] }[] = [];
    for (const v of ds.dataset.variables) {
      const spec = variableSpec(ds.domain, v.name);
      if (!spec || spec.codelists.length === 0) continue;
      const lists = spec.codelists.map((c) => codelist(c));
      if (lists.some((l) => !l || l.extensible)) continue;
      columns.push({ key: v.name, lists: lists as Codelist[] });
    }
    const rows = ds.dataset.rows;
    for (const { key, lists } of columns) {
      for (let r = 0; r < rows.length; r++) {
        const value = rows[r][key];
        if (isEmpty(value)) continue;
        const s = text(value);
        if (lists.some((l) => isSubmissionValue(l, s))) continue;
        const names = lists.map((l) => `${l.submissionValue} (${l.code})`).join(' or ');
        report({
          row: r,
          variable: key,
          value,
          message: `${show(value)} is not a term of the non-extensible codelist ${names}`,
        });
      }
    }
  },
} as const satisfies Rule;
