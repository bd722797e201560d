import { recordRule } from '../record-rule.ts';
import { equals, nonEmpty } from '../values.ts';
import { DM_ONLY } from './scopes.ts';

/** CG0131: DTHFL is "Y" or null. */
export const core000006 = recordRule({
  id: 'CORE-000006',
  description: 'DTHFL is not "Y" or null',
  scope: DM_ONLY,
  variables: ['DTHFL'],
  test: ([dthfl]) => nonEmpty(dthfl) && !equals(dthfl, 'Y'),
});
