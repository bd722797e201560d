import { domainSpec } from '../../standards/sdtmig.ts';
import type { Rule } from '../types.ts';
import { ALL } from './scopes.ts';

/**
 * CG0014: every variable SDTMIG 3.4 marks Required for the dataset's domain is present. Datasets of custom
 * domains (not in SDTMIG) are not checked: their required variables would come from the SDTM model.
 */
export const core000355 = {
  id: 'CORE-000355',
  description: 'A Required variable is not present in the dataset',
  severity: 'error',
  scope: ALL,
  check(ds, report) {
    const spec = domainSpec(ds.domain);
    if (!spec) return;
    for (const v of spec.variables) {
      if (v.core !== 'Req') continue;
      // SUPPQUAL's RDOMAIN etc. are literal names; domain variables of split datasets use the domain's names.
      if (!ds.names.has(v.name)) {
        report({
          variable: v.name,
          message: `required variable ${v.name} (${v.label}) is missing from ${ds.name}`,
        });
      }
    }
  },
} as const satisfies Rule;
