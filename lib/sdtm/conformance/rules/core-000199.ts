import { recordRule } from '../record-rule.ts';
import { text } from '../values.ts';

/** CG0406: --TEST is at most 40 characters. */
export const core000199 = recordRule({
  id: 'CORE-000199',
  description: 'Value length of --TEST > 40',
  scope: { classes: ['FINDINGS'], excludeDomains: ['IE'] },
  variables: ['--TEST'],
  test: ([test]) => text(test).length > 40,
});
