import { AE_ONLY } from './scopes.ts';
import { variablePresentRule } from './variable-present-rule.ts';

/** CG0040: AE has no AEOCCUR variable. */
export const core000012 = variablePresentRule({
  id: 'CORE-000012',
  description: 'AEOCCUR is present in AE dataset',
  scope: AE_ONLY,
  variable: 'AEOCCUR',
});
