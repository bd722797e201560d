import { recordRule } from '../record-rule.ts';
import { nonEmpty, text } from '../values.ts';

/** The rule's published pattern `^-?(\d+(\.\d+)?$)|(\.\d+$)`, applied from the start of the value (Python `re.match`). */
const CONTINUOUS = /^(?:-?\d+(?:\.\d+)?$|\.\d+$)/;

/** CG0181: LBORNRHI is empty when LBORRES is not a continuous (numeric) result. */
export const core000289 = recordRule({
  id: 'CORE-000289',
  description: 'LBORRES is not a continuous measurement but LBORNRHI is not empty',
  scope: { classes: ['FINDINGS'], domains: ['LB'] },
  variables: ['LBORRES', 'LBORNRHI'],
  test: ([orres, ornrhi]) => nonEmpty(orres) && nonEmpty(ornrhi) && !CONTINUOUS.test(text(orres)),
});
