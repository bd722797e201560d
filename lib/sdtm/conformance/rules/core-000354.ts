import { isCompleteDate } from '../iso8601.ts';
import type { Rule } from '../types.ts';
import type { SdtmValue } from '../../dataset.ts';
import { isEmpty, show, text } from '../values.ts';
import { dmValueOf } from './dm-lookup.ts';
import { ALL } from './scopes.ts';

/** Anything but a complete date is incomplete, an empty value included (as in CORE's test cases). */
function isIncompleteDate(value: SdtmValue | undefined): boolean {
  return isEmpty(value) || !isCompleteDate(text(value));
}

/** CG0007: --DY is empty when the date of --DTC or of DM.RFSTDTC is incomplete. */
export const core000354 = {
  id: 'CORE-000354',
  description: 'The date portion of --DTC or of DM.RFSTDTC is not a complete date, but --DY is not empty',
  severity: 'error',
  scope: ALL,
  check(ds, report) {
    const dy = ds.key('--DY');
    const dtc = ds.key('--DTC');
    const rfstdtc = dmValueOf(ds, 'RFSTDTC');
    if (dy === undefined || dtc === undefined || !rfstdtc) return;
    const rows = ds.dataset.rows;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (isEmpty(row[dy])) continue;
      const reference = rfstdtc(row);
      if (isIncompleteDate(row[dtc]) || isIncompleteDate(reference)) {
        report({
          row: r,
          variable: dy,
          value: row[dy],
          message: `${dy} is ${show(row[dy])} but ${dtc}=${show(row[dtc])} or DM.RFSTDTC=${show(reference)} is not a complete date`,
        });
      }
    }
  },
} as const satisfies Rule;
