import { recordRule } from '../record-rule.ts';
import { equals, nonEmpty } from '../values.ts';
import { FINDINGS } from './scopes.ts';

/** CG0541: --LOBXFL is "Y" or null. */
export const core000170 = recordRule({
  id: 'CORE-000170',
  description: "Value of --LOBXFL must be 'Y' or null",
  scope: FINDINGS,
  variables: ['--LOBXFL'],
  test: ([flag]) => nonEmpty(flag) && !equals(flag, 'Y'),
});
