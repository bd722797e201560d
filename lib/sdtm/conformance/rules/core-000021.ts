import { recordRule } from '../record-rule.ts';
import { equals, isEmpty, nonEmpty } from '../values.ts';
import { FINDINGS } from './scopes.ts';

/** CG0397: --STRESC is populated when --ORRES is provided or --DRVFL = "Y". */
export const core000021 = recordRule({
  id: 'CORE-000021',
  description: "--STRESC should not be blank when either --ORRES is provided or --DRVFL = 'Y'",
  scope: FINDINGS,
  variables: ['--STRESC', '--ORRES', '--DRVFL'],
  optional: ['--DRVFL'],
  test: ([stresc, orres, drvfl]) => isEmpty(stresc) && (nonEmpty(orres) || equals(drvfl, 'Y')),
});
