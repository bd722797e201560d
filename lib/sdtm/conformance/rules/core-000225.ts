import { recordRule } from '../record-rule.ts';
import { equals, nonEmpty } from '../values.ts';

/** CG0094: --STAT is "NOT DONE" when --REASND is provided. */
export const core000225 = recordRule({
  id: 'CORE-000225',
  description: '--STAT should be "NOT DONE" when --REASND is provided',
  scope: { classes: 'ALL', excludeDomains: ['EX', 'AE', 'DS', 'DV', 'IE'] },
  variables: ['--REASND', '--STAT'],
  test: ([reasnd, stat]) => nonEmpty(reasnd) && !equals(stat, 'NOT DONE'),
});
