import { recordRule } from '../record-rule.ts';
import { equals, nonEmpty } from '../values.ts';
import { AE_ONLY } from './scopes.ts';

/** CG0387: AESER, when completed, is "Y" or "N". */
export const core000087 = recordRule({
  id: 'CORE-000087',
  description: 'AESER is completed, but not equal to "N" or "Y"',
  scope: AE_ONLY,
  variables: ['AESER'],
  test: ([aeser]) => nonEmpty(aeser) && !equals(aeser, 'Y') && !equals(aeser, 'N'),
});
