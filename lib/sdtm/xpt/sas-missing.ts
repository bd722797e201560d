/**
 * SAS missing values for numeric variables.
 *
 * SAS has the ordinary missing value `.` and 27 special missing values `._`, `.A` … `.Z`. In this code base the
 * ordinary missing value is `null` (as in `SdtmValue`); a special missing value is a `SasSpecialMissing`
 * object `{ missing: 'A' }`, the same shape as the golden JSON of the reference samples. XPORT stores a
 * missing value as 8 bytes: the first byte is `.` (0x2E), `_` (0x5F) or the letter (0x41–0x5A), the rest 0x00.
 */
import type { SdtmValue } from '../dataset.ts';

export type SasSpecialMissingCode =
  | '_'
  | 'A'
  | 'B'
  | 'C'
  | 'D'
  | 'E'
  | 'F'
  | 'G'
  | 'H'
  | 'I'
  | 'J'
  | 'K'
  | 'L'
  | 'M'
  | 'N'
  | 'O'
  | 'P'
  | 'Q'
  | 'R'
  | 'S'
  | 'T'
  | 'U'
  | 'V'
  | 'W'
  | 'X'
  | 'Y'
  | 'Z';

export interface SasSpecialMissing {
  readonly missing: SasSpecialMissingCode;
}

/** A value as stored in an XPT observation: `SdtmValue` plus the special missing values `.A`–`.Z`, `._`. */
export type XptValue = SdtmValue | SasSpecialMissing;

const CACHE = new Map<string, SasSpecialMissing>();
for (const code of '_ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
  CACHE.set(code, Object.freeze({ missing: code as SasSpecialMissingCode }));
}

/** The special missing value for a code (`'A'` for `.A`); the same frozen object each time. */
export function specialMissing(code: SasSpecialMissingCode): SasSpecialMissing {
  return CACHE.get(code)!;
}

export function isSasSpecialMissingCode(code: unknown): code is SasSpecialMissingCode {
  return typeof code === 'string' && CACHE.has(code);
}

export function isSpecialMissing(value: unknown): value is SasSpecialMissing {
  return (
    typeof value === 'object' &&
    value !== null &&
    isSasSpecialMissingCode((value as { missing?: unknown }).missing)
  );
}
