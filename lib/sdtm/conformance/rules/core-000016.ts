import { recordRule } from '../record-rule.ts';
import { equals, nonEmpty } from '../values.ts';

/** CG0089: --PRESP is "Y" when --OCCUR is provided (--PRESP may be absent: then every --OCCUR breaks the rule). */
export const core000016 = recordRule({
  id: 'CORE-000016',
  description: '--PRESP should be populated as "Y" when --OCCUR is provided',
  scope: { classes: ['EVENTS', 'INTERVENTIONS'], excludeDomains: ['AE', 'DS', 'DV', 'EX'] },
  variables: ['--OCCUR', '--PRESP'],
  optional: ['--PRESP'],
  test: ([occur, presp]) => nonEmpty(occur) && (presp === undefined || !equals(presp, 'Y')),
});
