import type { Rule } from '../types.ts';
import { equals, show } from '../values.ts';

/** CG0134: a subject with an AE whose outcome is FATAL has DTHFL = "Y" in DM. */
export const core000254 = {
  id: 'CORE-000254',
  description: 'AEOUT is \'FATAL\' in AE dataset, but DTHFL in DM dataset is not "Y"',
  severity: 'error',
  scope: { classes: ['SPECIAL PURPOSE'], domains: ['DM'] },
  check(ds, report) {
    const usubjid = ds.key('USUBJID');
    if (usubjid === undefined) return;
    // A DM without DTHFL has no "Y" for anyone: every subject with a fatal AE is reported.
    const dthflKey = ds.key('DTHFL');
    const fatal = new Set<string>();
    for (const ae of ds.study.datasets) {
      if (ae.domain !== 'AE') continue;
      const out = ae.key('AEOUT');
      const id = ae.key('USUBJID');
      if (out === undefined || id === undefined) continue;
      for (const row of ae.dataset.rows) if (equals(row[out], 'FATAL')) fatal.add(String(row[id]));
    }
    if (fatal.size === 0) return;
    const rows = ds.dataset.rows;
    for (let r = 0; r < rows.length; r++) {
      const flag = dthflKey === undefined ? undefined : rows[r][dthflKey];
      if (fatal.has(String(rows[r][usubjid])) && !equals(flag, 'Y')) {
        report({
          row: r,
          variable: dthflKey ?? 'DTHFL',
          value: flag,
          message: `subject ${show(rows[r][usubjid])} has an AE with AEOUT = "FATAL" but DTHFL is ${show(flag)}`,
        });
      }
    }
  },
} as const satisfies Rule;
