import { recordRule } from '../record-rule.ts';
import { nonEmpty } from '../values.ts';
import { INTERVENTIONS } from './scopes.ts';

/** CG0110, CG0111: --DOSE and --DOSTXT are never both populated. */
export const core000092 = recordRule({
  id: 'CORE-000092',
  description: 'Both --DOSE and --DOSTXT values are populated',
  scope: INTERVENTIONS,
  variables: ['--DOSE', '--DOSTXT'],
  test: ([dose, dostxt]) => nonEmpty(dose) && nonEmpty(dostxt),
});
