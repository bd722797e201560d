import type { Rule } from '../types.ts';
import { ALL } from './scopes.ts';

/** CG0310: variable names are at most 8 characters. */
export const core000182 = {
  id: 'CORE-000182',
  description: 'Variable name length is greater than 8',
  severity: 'error',
  scope: ALL,
  check(ds, report) {
    for (const v of ds.dataset.variables) {
      if (v.name.length > 8) {
        report({
          variable: v.name,
          message: `variable name ${v.name} is ${v.name.length} characters (at most 8)`,
        });
      }
    }
  },
} as const satisfies Rule;
