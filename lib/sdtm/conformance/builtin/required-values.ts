import { domainSpec } from '../../standards/sdtmig.ts';
import type { Rule } from '../types.ts';
import { isEmpty } from '../values.ts';

/**
 * Variables SDTMIG 3.4 marks Required are never null. (A Required variable missing from the dataset is
 * CORE-000355.)
 */
export const requiredValues = {
  id: 'SDTM-REQUIRED-VALUE',
  description: 'Required variables have a value in every record',
  severity: 'error',
  scope: { classes: 'ALL' },
  check(ds, report) {
    const spec = domainSpec(ds.domain);
    if (!spec) return;
    const required = spec.variables
      .filter((v) => v.core === 'Req')
      .map((v) => ds.key(v.name))
      .filter((k): k is string => k !== undefined);
    const rows = ds.dataset.rows;
    for (let r = 0; r < rows.length; r++) {
      for (const key of required) {
        if (isEmpty(rows[r][key])) {
          report({ row: r, variable: key, value: rows[r][key], message: `${key} is required but empty` });
        }
      }
    }
  },
} as const satisfies Rule;
