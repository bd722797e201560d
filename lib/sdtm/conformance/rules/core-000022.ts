import { recordRule } from '../record-rule.ts';
import { equals } from '../values.ts';
import { AE_ONLY } from './scopes.ts';
import { SERIOUSNESS_CRITERIA } from './seriousness-criteria.ts';

/** CG0041: when a seriousness criterion is "Y", AESER is "Y". */
export const core000022 = recordRule({
  id: 'CORE-000022',
  description: "At least one of the seriousness criteria = 'Y', but AESER = 'N' or empty",
  scope: AE_ONLY,
  variables: ['AESER', ...SERIOUSNESS_CRITERIA],
  optional: SERIOUSNESS_CRITERIA,
  test: (values) => !equals(values[0], 'Y') && values.some((v, i) => i > 0 && equals(v, 'Y')),
});
