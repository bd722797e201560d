import { recordRule } from '../record-rule.ts';
import { text } from '../values.ts';
import { FINDINGS } from './scopes.ts';

const TESTCD = /^[a-zA-Z_][a-zA-Z0-9_]{0,7}$/;

/** CG0372: --TESTCD is at most 8 letters, digits or underscores and does not start with a digit. */
export const core000220 = recordRule({
  id: 'CORE-000220',
  description:
    '--TESTCD > 8 chars or contains more than only letters, numbers, underscores, or starts with a number',
  scope: FINDINGS,
  variables: ['--TESTCD'],
  test: ([testcd]) => !TESTCD.test(text(testcd)),
});
