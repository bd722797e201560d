import { recordRule } from '../record-rule.ts';
import { isEmpty, nonEmpty } from '../values.ts';
import { INTERVENTIONS } from './scopes.ts';

/** CG0114: --DOSU is populated when --DOSE, --DOSTXT or --DOSTOT is. */
export const core000093 = recordRule({
  id: 'CORE-000093',
  description: 'Missing value for --DOSU, when --DOSE, --DOSTXT or --DOSTOT is provided',
  scope: INTERVENTIONS,
  variables: ['--DOSU', '--DOSE', '--DOSTXT', '--DOSTOT'],
  optional: ['--DOSE', '--DOSTXT', '--DOSTOT'],
  test: ([dosu, dose, dostxt, dostot]) =>
    isEmpty(dosu) && (nonEmpty(dose) || nonEmpty(dostxt) || nonEmpty(dostot)),
});
