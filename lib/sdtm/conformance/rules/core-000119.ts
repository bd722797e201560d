import { recordRule } from '../record-rule.ts';
import { isEmpty, nonEmpty } from '../values.ts';
import { DM_ONLY } from './scopes.ts';

/** CG0521: ARMCD is populated when ARM is. */
export const core000119 = recordRule({
  id: 'CORE-000119',
  description: 'ARM is populated, when ARMCD is null',
  scope: DM_ONLY,
  variables: ['ARMCD', 'ARM'],
  test: ([armcd, arm]) => isEmpty(armcd) && nonEmpty(arm),
});
