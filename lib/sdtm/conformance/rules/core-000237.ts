import { recordRule } from '../record-rule.ts';
import { nonEmpty, text } from '../values.ts';
import { ALL } from './scopes.ts';

/** CG0027: --SCAT, when populated, differs from --CAT. */
export const core000237 = recordRule({
  id: 'CORE-000237',
  description: '--SCAT is equal to --CAT',
  scope: ALL,
  variables: ['--SCAT', '--CAT'],
  test: ([scat, cat]) => nonEmpty(scat) && text(scat) === text(cat),
});
