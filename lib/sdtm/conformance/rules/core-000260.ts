import { recordRule } from '../record-rule.ts';
import { equals, nonEmpty } from '../values.ts';

/** CG0085: --PRESP is "Y" or null. */
export const core000260 = recordRule({
  id: 'CORE-000260',
  description: "--PRESP is populated with a value other than 'Y'",
  scope: { classes: ['EVENTS', 'INTERVENTIONS'], excludeDomains: ['DS', 'DV', 'EX'] },
  variables: ['--PRESP'],
  test: ([presp]) => nonEmpty(presp) && !equals(presp, 'Y'),
});
