import { recordRule } from '../record-rule.ts';
import { isEmpty, nonEmpty } from '../values.ts';
import { DM_ONLY } from './scopes.ts';

/** CG0665: AGEU is populated when AGE is. */
export const core000189 = recordRule({
  id: 'CORE-000189',
  description: 'AGEU is missing when AGE is provided',
  scope: DM_ONLY,
  variables: ['AGEU', 'AGE'],
  test: ([ageu, age]) => nonEmpty(age) && isEmpty(ageu),
});
