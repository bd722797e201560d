import { dtcParts, epochDay, isCompleteDate } from '../iso8601.ts';
import type { Rule } from '../types.ts';
import { isEmpty, show, text } from '../values.ts';
import { dmValueOf } from './dm-lookup.ts';
import { ALL } from './scopes.ts';

/** SDTMIG study day: date − RFSTDTC in days, plus one on or after RFSTDTC (there is no day 0). */
export function studyDay(dtcDay: number, referenceDay: number): number {
  const diff = dtcDay - referenceDay;
  return diff >= 0 ? diff + 1 : diff;
}

/** CG0006: --DY follows the study-day algorithm when the dates of --DTC and DM.RFSTDTC are complete. */
export const core000529 = {
  id: 'CORE-000529',
  description:
    '--DY is not calculated by the study day algorithm from the complete dates of --DTC and DM.RFSTDTC',
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
      const value = row[dy];
      if (isEmpty(value)) continue;
      const date = row[dtc];
      const reference = rfstdtc(row);
      if (isEmpty(date) || isEmpty(reference)) continue;
      if (!isCompleteDate(text(reference))) continue;
      const referenceDay = epochDay(dtcParts);
      if (!isCompleteDate(text(date))) continue;
      const expected = studyDay(epochDay(dtcParts), referenceDay);
      if (Number(value) !== expected) {
        report({
          row: r,
          variable: dy,
          value,
          message: `${dy} is ${show(value)} but ${dtc}=${show(date)} and DM.RFSTDTC=${show(reference)} give study day ${expected}`,
        });
      }
    }
  },
} as const satisfies Rule;
