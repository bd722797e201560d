import { INTERVENTIONS } from './scopes.ts';
import { variablePresentRule } from './variable-present-rule.ts';

/** CG0621: Interventions datasets have no --METHOD variable. */
export const core000048 = variablePresentRule({
  id: 'CORE-000048',
  description: '--METHOD is present in an interventions domain',
  scope: INTERVENTIONS,
  variable: '--METHOD',
});
