import { recordRule } from '../record-rule.ts';
import { isEmpty, nonEmpty } from '../values.ts';
import { DM_ONLY } from './scopes.ts';

/** CG0666: AGE is populated when AGEU is. */
export const core000190 = recordRule({
  id: 'CORE-000190',
  description: 'AGE is missing when AGEU is provided',
  scope: DM_ONLY,
  variables: ['AGE', 'AGEU'],
  test: ([age, ageu]) => nonEmpty(ageu) && isEmpty(age),
});
