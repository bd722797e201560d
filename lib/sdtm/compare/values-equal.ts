/**
 * Value comparison for SDTM studies from different producers and formats: character values compare after
 * trimming trailing blanks (XPT pads them), empty text equals a missing value, numbers compare with a
 * relative tolerance, and a number equals text that reads as that number (a CSV column typed differently
 * from its XPT twin).
 */
import type { SdtmValue } from '../dataset.ts';

export const DEFAULT_TOLERANCE = 1e-9;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function trimEndBlanks(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  return end === text.length ? text : text.slice(0, end);
}

function asNumber(value: string): number | undefined {
  const text = value.trim();
  return NUMBER.test(text) ? Number(text) : undefined;
}

function numbersEqual(a: number, b: number, tolerance: number): boolean {
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}

/** The value as compared: text without trailing blanks, `null` for empty text or a missing value. */
export function normalizeValue(value: SdtmValue | undefined): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isNaN(value) ? null : value;
  const text = trimEndBlanks(value);
  return text === '' ? null : text;
}

export function valuesEqual(
  a: SdtmValue | undefined,
  b: SdtmValue | undefined,
  tolerance = DEFAULT_TOLERANCE,
): boolean {
  if (a === b) return true;
  const x = normalizeValue(a);
  const y = normalizeValue(b);
  if (x === y) return true;
  if (x === null || y === null) return false;
  if (typeof x === 'number' && typeof y === 'number') return numbersEqual(x, y, tolerance);
  if (typeof x === 'number' || typeof y === 'number') {
    const n = typeof x === 'number' ? x : y;
    const parsed = asNumber(String(typeof x === 'number' ? y : x));
    return parsed !== undefined && numbersEqual(n as number, parsed, tolerance);
  }
  return false;
}

/**
 * The text of a value inside a record key: trimmed text, or a number written with 12 significant digits so
 * the same number read from XPT and from CSV gives the same key.
 */
export function keyText(value: SdtmValue | undefined): string {
  const x = normalizeValue(value);
  if (x === null) return '';
  if (typeof x === 'number') return String(Number(x.toPrecision(12)));
  const n = asNumber(x);
  return n === undefined ? x : String(Number(n.toPrecision(12)));
}
