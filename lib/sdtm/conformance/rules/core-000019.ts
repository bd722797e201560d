import type { Rule } from '../types.ts';
import { ALL } from './scopes.ts';

/** CG0311: variable labels are at most 40 characters. */
export const core000019 = {
  id: 'CORE-000019',
  description: 'Variable label length should be less than or equal to 40 characters',
  severity: 'error',
  scope: ALL,
  check(ds, report) {
    for (const v of ds.dataset.variables) {
      if (v.label.length > 40) {
        report({
          variable: v.name,
          value: v.label,
          message: `label of ${v.name} is ${v.label.length} characters (at most 40): ${JSON.stringify(v.label)}`,
        });
      }
    }
  },
} as const satisfies Rule;
