/**
 * SAS V5 transport (XPT) limits that a submission dataset must respect (TS-140; FDA Study Data Technical
 * Conformance Guide): names ≤ 8 characters of letters, digits and underscores; labels ≤ 40 characters;
 * character values ≤ 200 bytes; ASCII text only. Variable name and label lengths are CORE-000182 and
 * CORE-000019; these cover the rest.
 */
import { describeNonAscii, firstNonAscii } from '../../xpt/plan-xpt-member.ts';
import { MAX_CHAR_LENGTH, MAX_LABEL_LENGTH, MAX_NAME_LENGTH } from '../../xpt/xpt-layout.ts';
import type { Rule } from '../types.ts';

const SAS_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const sasV5Names = {
  id: 'SDTM-V5-NAME',
  description: 'Dataset names have at most 8 characters; dataset and variable names are SAS names',
  severity: 'error',
  scope: { classes: 'ALL' },
  check(ds, report) {
    const name = ds.dataset.name;
    if (name.length > MAX_NAME_LENGTH) {
      report({ message: `dataset name ${name} is ${name.length} characters (at most ${MAX_NAME_LENGTH})` });
    }
    if (!SAS_NAME.test(name)) {
      report({ message: `dataset name ${JSON.stringify(name)} is not a SAS name (letters, digits, _)` });
    }
    for (const v of ds.dataset.variables) {
      if (!SAS_NAME.test(v.name)) {
        report({
          variable: v.name,
          message: `variable name ${JSON.stringify(v.name)} is not a SAS name (a letter or _, then letters, digits or _)`,
        });
      }
    }
  },
} as const satisfies Rule;

export const sasV5Labels = {
  id: 'SDTM-V5-LABEL',
  description: 'The dataset label has at most 40 characters; labels are ASCII',
  severity: 'error',
  scope: { classes: 'ALL' },
  check(ds, report) {
    const label = ds.dataset.label;
    if (label.length > MAX_LABEL_LENGTH) {
      report({ message: `dataset label is ${label.length} characters (at most ${MAX_LABEL_LENGTH})` });
    }
    const bad = firstNonAscii(label);
    if (bad >= 0) report({ message: `dataset label ${describeNonAscii(label, bad)}` });
    for (const v of ds.dataset.variables) {
      const at = firstNonAscii(v.label);
      if (at >= 0)
        report({ variable: v.name, message: `label of ${v.name} ${describeNonAscii(v.label, at)}` });
    }
  },
} as const satisfies Rule;

export const sasV5Values = {
  id: 'SDTM-V5-VALUE',
  description: 'Character values have at most 200 bytes and are ASCII',
  severity: 'error',
  scope: { classes: 'ALL' },
  check(ds, report) {
    const rows = ds.dataset.rows;
    const keys = ds.dataset.variables.filter((v) => v.type === 'Char').map((v) => v.name);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      for (const key of keys) {
        const value = row[key];
        if (typeof value !== 'string' || value === '') continue;
        const bad = firstNonAscii(value);
        if (bad >= 0) {
          report({ row: r, variable: key, value, message: `value ${describeNonAscii(value, bad)}` });
          const bytes = Buffer.byteLength(value, 'utf8');
          if (bytes > MAX_CHAR_LENGTH) {
            report({
              row: r,
              variable: key,
              value,
              message: `value is ${bytes} bytes in UTF-8 (at most ${MAX_CHAR_LENGTH})`,
            });
          }
        } else if (value.length > MAX_CHAR_LENGTH) {
          report({
            row: r,
            variable: key,
            value,
            message: `value is ${value.length} bytes (at most ${MAX_CHAR_LENGTH})`,
          });
        }
      }
    }
  },
} as const satisfies Rule;
