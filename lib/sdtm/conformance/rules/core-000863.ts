import { recordRule } from '../record-rule.ts';
import { isEmpty, nonEmpty, text } from '../values.ts';
import { FINDINGS } from './scopes.ts';
import { NUMERIC_RESULT } from './numeric-result.ts';

/** --STRESN is populated when --STRESC holds a number. */
export const core000863 = recordRule({
  id: 'CORE-000863',
  description: '--STRESC is populated with a numeric value, but --STRESN is not populated',
  scope: FINDINGS,
  variables: ['--STRESC', '--STRESN'],
  test: ([stresc, stresn]) => nonEmpty(stresc) && isEmpty(stresn) && NUMERIC_RESULT.test(text(stresc)),
});
