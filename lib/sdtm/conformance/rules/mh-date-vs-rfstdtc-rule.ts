/** MH dates that are on or after the subject's DM.RFSTDTC (CORE-000236, CORE-000250). */
import { compareDtc } from '../iso8601.ts';
import type { Rule } from '../types.ts';
import { isEmpty, show, text } from '../values.ts';
import { dmValueOf } from './dm-lookup.ts';
import { MH_ONLY } from './scopes.ts';

export function mhDateVsRfstdtcRule(def: { id: string; description: string; variable: string }): Rule {
  return {
    id: def.id,
    description: def.description,
    severity: 'error',
    scope: MH_ONLY,
    check(ds, report) {
      const key = ds.key(def.variable);
      const rfstdtc = dmValueOf(ds, 'RFSTDTC');
      if (key === undefined || !rfstdtc) return;
      const rows = ds.dataset.rows;
      for (let r = 0; r < rows.length; r++) {
        const value = rows[r][key];
        if (isEmpty(value)) continue;
        const reference = rfstdtc(rows[r]);
        if (isEmpty(reference)) continue;
        if ((compareDtc(text(value), text(reference)) ?? -1) >= 0) {
          report({
            row: r,
            variable: key,
            value,
            message: `${def.description} (${key}=${show(value)}, DM.RFSTDTC=${show(reference)})`,
          });
        }
      }
    },
  };
}
