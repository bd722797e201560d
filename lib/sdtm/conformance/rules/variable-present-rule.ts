/** A CORE "exists" rule: a variable that must not be present in the datasets of the scope. */
import type { Rule, RuleScope } from '../types.ts';

export function variablePresentRule(def: {
  id: string;
  description: string;
  scope: RuleScope;
  /** `--` for the domain prefix. */
  variable: string;
}): Rule {
  return {
    id: def.id,
    description: def.description,
    severity: 'error',
    scope: def.scope,
    check(ds, report) {
      const key = ds.key(def.variable);
      if (key !== undefined) report({ variable: key, message: `${def.description}: ${key}` });
    },
  };
}
