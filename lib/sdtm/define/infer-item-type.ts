/**
 * Chooses the Define-XML DataType, Length and SignificantDigits of a variable from its SAS type, its name and
 * the values it holds.
 *
 * - Num: "integer" when every value is a whole number, else "float". Length is the widest value written in
 *   plain decimal notation with the column's most decimals (sign and decimal point included);
 *   SignificantDigits is that number of decimals. Without values: "integer" for --SEQ/--DY/--NUM, else
 *   "float", Length 8.
 * - Char named --DTC (ISO 8601 date/time): the narrowest ISO 8601 type that fits every value — "date"
 *   (YYYY-MM-DD), "datetime" (YYYY-MM-DDThh:mm:ss), "partialDate", "partialDatetime" (right-truncated),
 *   "incompleteDatetime" (a missing middle part, "2003---15"), "intervalDatetime" ("a/b"). A value that is
 *   none of these makes it "text" (the conformance checker reports the value). ISO 8601 types get no Length,
 *   as in the CDISC examples.
 * - Char named --DUR, --ELTM or --EVLINT: "durationDatetime" when every value is an ISO 8601 duration.
 * - Other Char: "text"; Length is the declared XPT length, else the widest value in UTF-8 bytes (the unit XPT
 *   stores), at least 1.
 */
import type { SdtmValue, SdtmVariable } from '../dataset.ts';
import type { DefineDataType } from './define-metadata.ts';

export interface ItemType {
  dataType: DefineDataType;
  length?: number;
  significantDigits?: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}(:\d{2})?)?$/;
const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const PARTIAL_DATETIME =
  /^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}(:\d{2})?)?)?)?)?$/;
const INCOMPLETE_DATETIME =
  /^(\d{4}|-)(-(\d{2}|-))?(-(\d{2}|-))?(T(\d{2}|-)(:(\d{2}|-)(:(\d{2}|-)(\.\d+)?)?)?)?$/;
const DURATION =
  /^-?P(?=\d|T\d)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/;

type DateKind = 'date' | 'datetime' | 'partialDate' | 'partialDatetime' | 'incompleteDatetime';

function dateKind(value: string): DateKind | undefined {
  if (DATE.test(value)) return 'date';
  if (DATETIME.test(value)) return 'datetime';
  if (PARTIAL_DATE.test(value)) return 'partialDate';
  if (PARTIAL_DATETIME.test(value)) return 'partialDatetime';
  if (INCOMPLETE_DATETIME.test(value) && value.includes('-')) return 'incompleteDatetime';
  return undefined;
}

/** "start/end", "start/duration" or "duration/end" (ISO 8601 time interval). */
function isInterval(value: string): boolean {
  const parts = value.split('/');
  return parts.length === 2 && parts.every((p) => dateKind(p) !== undefined || DURATION.test(p));
}

/** The narrowest ISO 8601 type that describes every value, or "text" when a value is not ISO 8601. */
function isoDataType(values: string[]): DefineDataType {
  const kinds = new Set<DateKind | 'interval'>();
  for (const v of values) {
    const kind = dateKind(v) ?? (isInterval(v) ? 'interval' : undefined);
    if (kind === undefined) return 'text';
    kinds.add(kind);
  }
  const only = (...allowed: string[]) => [...kinds].every((k) => allowed.includes(k));
  if (kinds.has('interval')) return 'intervalDatetime';
  if (kinds.has('incompleteDatetime')) return 'incompleteDatetime';
  if (kinds.size === 0 || only('datetime')) return 'datetime';
  if (only('date')) return 'date';
  if (only('date', 'partialDate')) return 'partialDate';
  return 'partialDatetime';
}

export function utf8Length(value: string): number {
  return Buffer.byteLength(value, 'utf8');
}

/** ISO 8601 data types, which carry no Length in define.xml. */
export function isIsoDateTimeType(dataType: DefineDataType): boolean {
  return !['text', 'integer', 'float'].includes(dataType);
}

/** Largest f(x) over the items, at least `floor` (no spread: columns can have millions of values). */
function maxOf<T>(items: Iterable<T>, f: (item: T) => number, floor: number): number {
  let max = floor;
  for (const item of items) max = Math.max(max, f(item));
  return max;
}

/** Declared XPT length, else the widest value in UTF-8 bytes; at least 1. */
export function textLength(variable: SdtmVariable, values: SdtmValue[]): number {
  if (variable.length !== undefined) return variable.length;
  return maxOf(values, (v) => (v === null || v === '' ? 0 : utf8Length(String(v))), 1);
}

/** Digits after the decimal point of a finite number, as JavaScript prints it (1e-7 → 7). */
export function decimalPlaces(n: number): number {
  const [mantissa, exponent] = String(n).toLowerCase().split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent ?? 0));
}

function numericLength(n: number, decimals: number): number {
  const whole = Math.trunc(Math.abs(n)).toFixed(0);
  return (n < 0 ? 1 : 0) + whole.length + (decimals > 0 ? decimals + 1 : 0);
}

export function inferItemType(variable: SdtmVariable, values: SdtmValue[]): ItemType {
  const present = values.filter((v): v is string | number => v !== null && v !== '');
  if (variable.type === 'Num') {
    const numbers = present.map(Number).filter(Number.isFinite);
    if (numbers.length === 0) {
      return { dataType: /(SEQ|DY|NUM)$/.test(variable.name) ? 'integer' : 'float', length: 8 };
    }
    const decimals = maxOf(numbers, decimalPlaces, 0);
    const length = maxOf(numbers, (n) => numericLength(n, decimals), 1);
    return decimals === 0
      ? { dataType: 'integer', length }
      : { dataType: 'float', length, significantDigits: decimals };
  }
  const strings = present.map(String);
  if (/DTC$/.test(variable.name)) {
    const dataType = isoDataType(strings);
    if (dataType !== 'text') return { dataType };
  } else if (
    /(DUR|ELTM|EVLINT)$/.test(variable.name) &&
    strings.length &&
    strings.every((s) => DURATION.test(s))
  ) {
    return { dataType: 'durationDatetime' };
  }
  return { dataType: 'text', length: textLength(variable, strings) };
}
