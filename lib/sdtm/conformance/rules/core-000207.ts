import { FINDINGS } from './scopes.ts';
import { variablePresentRule } from './variable-present-rule.ts';

/** CG0467: Findings datasets have no --STDTC variable. */
export const core000207 = variablePresentRule({
  id: 'CORE-000207',
  description: '--STDTC is present in a Findings general observation class',
  scope: FINDINGS,
  variable: '--STDTC',
});
