import { parseDtc } from '../iso8601.ts';
import type { Rule } from '../types.ts';
import { isEmpty } from '../values.ts';

/** Every --DTC value (any variable whose name ends in DTC) is an SDTM ISO 8601 date/time; partial dates are fine. */
export const iso8601Dates = {
  id: 'SDTM-ISO8601',
  description: '--DTC values are ISO 8601 date/times (right-truncated partial values allowed)',
  severity: 'error',
  scope: { classes: 'ALL' },
  check(ds, report) {
    const keys = ds.dataset.variables.filter((v) => /DTC$/i.test(v.name)).map((v) => v.name);
    if (keys.length === 0) return;
    const rows = ds.dataset.rows;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      for (const key of keys) {
        const value = row[key];
        if (isEmpty(value)) continue;
        if (typeof value === 'string' && parseDtc(value)) continue;
        report({
          row: r,
          variable: key,
          value,
          message: `${JSON.stringify(value)} is not an ISO 8601 date/time (e.g. 2024-03-05, 2024-03, 2024-03-05T10:30)`,
        });
      }
    }
  },
} as const satisfies Rule;
