import { recordRule } from '../record-rule.ts';
import { nonEmpty } from '../values.ts';
import { FINDINGS } from './scopes.ts';

/** CG0422: --STAT is not populated when --ORRES is. */
export const core000099 = recordRule({
  id: 'CORE-000099',
  description: 'Value for --STAT is populated, when --ORRES is populated',
  scope: FINDINGS,
  variables: ['--STAT', '--ORRES'],
  test: ([stat, orres]) => nonEmpty(orres) && nonEmpty(stat),
});
