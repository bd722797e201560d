import { recordRule } from '../record-rule.ts';
import { equals } from '../values.ts';
import { AE_ONLY } from './scopes.ts';
import { SERIOUSNESS_CRITERIA } from './seriousness-criteria.ts';

/** CG0042: AESER is not "N" although none of the seriousness criteria is "Y" (the rule's Check, as published). */
export const core000266 = recordRule({
  id: 'CORE-000266',
  description: 'AESER is not "N" but none of the seriousness criteria (AESCAN … AESMIE) is "Y"',
  scope: AE_ONLY,
  variables: ['AESER', ...SERIOUSNESS_CRITERIA],
  optional: SERIOUSNESS_CRITERIA,
  test: (values) => !equals(values[0], 'N') && !values.some((v, i) => i > 0 && equals(v, 'Y')),
});
