import { recordRule } from '../record-rule.ts';
import { equals, nonEmpty } from '../values.ts';
import { DM_ONLY } from './scopes.ts';

/** CG0435: when DTHDTC is populated, DTHFL is "Y". */
export const core000007 = recordRule({
  id: 'CORE-000007',
  description: 'DTHDTC is populated but DTHFL in DM dataset is not "Y"',
  scope: DM_ONLY,
  variables: ['DTHDTC', 'DTHFL'],
  test: ([dthdtc, dthfl]) => nonEmpty(dthdtc) && !equals(dthfl, 'Y'),
});
