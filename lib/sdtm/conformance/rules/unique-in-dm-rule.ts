/** DM rules of the form `X is_not_unique_set [keys]`: every DM record whose X (with the keys) repeats. */
import type { Rule } from '../types.ts';
import { isEmpty, text } from '../values.ts';
import { DM_ONLY } from './scopes.ts';

export function uniqueInDmRule(def: {
  id: string;
  description: string;
  variable: string;
  /** Variables that, with `variable`, form the set that must be unique. */
  within: readonly string[];
}): Rule {
  return {
    id: def.id,
    description: def.description,
    severity: 'error',
    scope: DM_ONLY,
    check(ds, report) {
      const key = ds.key(def.variable);
      if (key === undefined) return;
      const within = def.within.map((w) => ds.key(w));
      const rows = ds.dataset.rows;
      const seen = new Map<string, number[]>();
      for (let r = 0; r < rows.length; r++) {
        const value = rows[r][key];
        if (isEmpty(value)) continue;
        const id = [text(value), ...within.map((w) => (w ? text(rows[r][w]) : ''))].join('\u0000');
        const list = seen.get(id);
        if (list) list.push(r);
        else seen.set(id, [r]);
      }
      for (const list of seen.values()) {
        if (list.length < 2) continue;
        for (const r of list) {
          report({
            row: r,
            variable: key,
            value: rows[r][key],
            message: `${def.description}: ${JSON.stringify(text(rows[r][key]))} appears in ${list.length} records`,
          });
        }
      }
    },
  };
}
