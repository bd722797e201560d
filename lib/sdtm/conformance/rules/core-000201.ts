import type { Rule } from '../types.ts';
import { isEmpty, show } from '../values.ts';

/** CG0029: every USUBJID (outside associated-persons domains) is a subject of DM. Needs a DM dataset. */
export const core000201 = {
  id: 'CORE-000201',
  description: 'USUBJID is not found in DM.USUBJID',
  severity: 'error',
  scope: { classes: 'ALL', excludeDomains: ['AP--'] },
  check(ds, report) {
    const key = ds.key('USUBJID');
    if (key === undefined || !ds.study.dm || ds.study.dm === ds) return;
    const rows = ds.dataset.rows;
    let last: string | undefined; // rows come grouped by subject: skip repeated look-ups
    for (let r = 0; r < rows.length; r++) {
      const value = rows[r][key];
      if (isEmpty(value)) continue;
      const id = String(value);
      if (id === last) continue;
      if (ds.study.dmRowOf(id) !== undefined) {
        last = id;
        continue;
      }
      report({ row: r, variable: key, value, message: `USUBJID ${show(value)} is not found in DM.USUBJID` });
    }
  },
} as const satisfies Rule;
