import { recordRule } from '../record-rule.ts';
import { isEmpty, nonEmpty } from '../values.ts';
import { FINDINGS } from './scopes.ts';

/** CG0426: --STRESC is populated when --STRESU is. */
export const core000133 = recordRule({
  id: 'CORE-000133',
  description: 'Missing value for --STRESC, when --STRESU is provided',
  scope: FINDINGS,
  variables: ['--STRESC', '--STRESU'],
  test: ([stresc, stresu]) => nonEmpty(stresu) && isEmpty(stresc),
});
