import { recordRule } from '../record-rule.ts';
import { nonEmpty, text } from '../values.ts';
import { FINDINGS } from './scopes.ts';
import { NUMERIC_RESULT } from './numeric-result.ts';

/** --STRESN is empty when --STRESC is not numeric. */
export const core000732 = recordRule({
  id: 'CORE-000732',
  description: '--STRESC is not numeric but --STRESN is not empty',
  scope: FINDINGS,
  variables: ['--STRESC', '--STRESN'],
  test: ([stresc, stresn]) => nonEmpty(stresc) && nonEmpty(stresn) && !NUMERIC_RESULT.test(text(stresc)),
});
