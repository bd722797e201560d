/**
 * ISO 8601 date/time values as SDTMIG 3.4 (section 4.4) allows them in --DTC variables, parsed without regular
 * expressions or allocation (the checker reads every --DTC of every row):
 *
 * - right-truncated: `2024`, `2024-03`, `2024-03-05`, `2024-03-05T10`, `2024-03-05T10:30`, `…T10:30:15.5`;
 * - unknown middle components as a single hyphen: `2024---05` (month unknown), `2024-03-05T-:30` (hour unknown);
 * - an optional time zone after a time: `Z`, `+01:00`, `-05`;
 * - an interval of two such values: `2024-03-05/2024-03-07`.
 *
 * Calendar validity is checked (month 1–12, day within its month, leap years, hour 0–23, minutes and seconds
 * 0–59). `parseDtc` fills one shared `DtcParts`: read it before the next call.
 */

export interface DtcParts {
  /** NaN when unknown or truncated. */
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  interval: boolean;
}

export const dtcParts: DtcParts = {
  year: NaN,
  month: NaN,
  day: NaN,
  hour: NaN,
  minute: NaN,
  second: NaN,
  interval: false,
};

const DASH = 45;
const DATE_FIELDS = ['month', 'day'] as const;
const TIME_FIELDS = ['minute', 'second'] as const;
const COLON = 58;

/** Two or four digits at `i` as a number, or -1. */
function digits(s: string, i: number, n: number): number {
  if (i + n > s.length) return -1;
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2)
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 || Number.isNaN(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Parses one date/time (no interval) from s[start, end) into dtcParts. Components: value, `-` (unknown) or
 * the end of the text (truncated). Returns false when the text is not a valid SDTM ISO 8601 date/time.
 */
function parseOne(s: string, start: number, end: number, p: DtcParts): boolean {
  p.year = p.month = p.day = p.hour = p.minute = p.second = NaN;
  let i = start;
  // Year: four digits, or '-' when unknown.
  if (s.charCodeAt(i) === DASH) i += 1;
  else {
    const y = digits(s, i, 4);
    if (y < 0) return false;
    p.year = y;
    i += 4;
  }
  let known = !Number.isNaN(p.year);
  let pending = !known; // an unknown component must be followed by a known one
  if (i === end) return !pending;
  // Month, day: '-' then two digits or a lone '-'.
  let dateFields = 0;
  for (const field of DATE_FIELDS) {
    if (i === end) return !pending;
    if (s.charCodeAt(i) !== DASH) break;
    i += 1;
    dateFields++;
    if (
      i < end &&
      s.charCodeAt(i) === DASH &&
      (i + 1 === end || s.charCodeAt(i + 1) === DASH || s.charCodeAt(i + 1) === 84)
    ) {
      i += 1; // unknown
      pending = true;
      continue;
    }
    const v = digits(s, i, 2);
    if (v < 1 || i + 2 > end) return false;
    if (field === 'month' ? v > 12 : v > (Number.isNaN(p.month) ? 31 : daysInMonth(p.year, p.month)))
      return false;
    p[field] = v;
    i += 2;
    pending = false;
    known = true;
  }
  if (i === end) return !pending && known;
  if (s.charCodeAt(i) !== 84 || dateFields < 2) return false; // 'T' after a full (or placeholder) date
  i += 1;
  // Hour: two digits or '-'.
  if (s.charCodeAt(i) === DASH) {
    i += 1;
    pending = true;
  } else {
    const h = digits(s, i, 2);
    if (h < 0 || h > 23 || i + 2 > end) return false;
    p.hour = h;
    i += 2;
    pending = false;
  }
  for (const field of TIME_FIELDS) {
    if (i === end || s.charCodeAt(i) !== COLON) break;
    i += 1;
    if (s.charCodeAt(i) === DASH) {
      i += 1;
      pending = true;
      continue;
    }
    const v = digits(s, i, 2);
    if (v < 0 || v > 59 || i + 2 > end) return false;
    p[field] = v;
    i += 2;
    pending = false;
  }
  if (pending) return false;
  // Fraction of a second.
  if (i < end && s.charCodeAt(i) === 46 && !Number.isNaN(p.second)) {
    i += 1;
    const from = i;
    while (i < end && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
    if (i === from) return false;
  }
  if (i === end) return true;
  // Time zone: Z, ±hh, ±hh:mm.
  const c = s.charCodeAt(i);
  if (c === 90) return i + 1 === end;
  if (c !== 43 && c !== DASH) return false;
  const tzh = digits(s, i + 1, 2);
  if (tzh < 0 || tzh > 14) return false;
  if (i + 3 === end) return true;
  if (s.charCodeAt(i + 3) !== COLON) return false;
  const tzm = digits(s, i + 4, 2);
  return tzm >= 0 && tzm <= 59 && i + 6 === end;
}

/** Whether `value` is a valid SDTM ISO 8601 date/time or interval; fills `dtcParts` (first value of an interval). */
export function parseDtc(value: string): boolean {
  const slash = value.indexOf('/');
  if (slash < 0) {
    dtcParts.interval = false;
    return value.length > 0 && parseOne(value, 0, value.length, dtcParts);
  }
  if (slash === 0 || slash === value.length - 1 || value.indexOf('/', slash + 1) >= 0) return false;
  if (!parseOne(value, slash + 1, value.length, dtcParts)) return false;
  const ok = parseOne(value, 0, slash, dtcParts);
  dtcParts.interval = true;
  return ok;
}

/** A valid single value whose year, month and day are all known (`2024-03-05`, `2024-03-05T10:30`). */
export function isCompleteDate(value: string): boolean {
  return (
    parseDtc(value) &&
    !dtcParts.interval &&
    !Number.isNaN(dtcParts.year) &&
    !Number.isNaN(dtcParts.month) &&
    !Number.isNaN(dtcParts.day)
  );
}

/** Days since 1970-01-01 of a complete date (call after `isCompleteDate` returned true). */
export function epochDay(p: DtcParts = dtcParts): number {
  return Date.UTC(p.year, p.month - 1, p.day) / 86_400_000;
}

/**
 * Compares two single date/times. Dates compare at their common precision, from the year down, stopping at the
 * first component either lacks: `2024-03` vs `2024-03-05` is 0 (neither before nor after). When both dates are
 * complete, a missing time reads as 00:00, as CORE's date operators read it: `2024-03-05T12:00` is after
 * `2024-03-05`. Undefined when either is invalid, an interval, or they share no component.
 */
export function compareDtc(a: string, b: string): number | undefined {
  if (!parseDtc(a) || dtcParts.interval) return undefined;
  const x = [dtcParts.year, dtcParts.month, dtcParts.day, dtcParts.hour, dtcParts.minute, dtcParts.second];
  if (!parseDtc(b) || dtcParts.interval) return undefined;
  const y = [dtcParts.year, dtcParts.month, dtcParts.day, dtcParts.hour, dtcParts.minute, dtcParts.second];
  const fullDates =
    x.slice(0, 3).every((v) => !Number.isNaN(v)) && y.slice(0, 3).every((v) => !Number.isNaN(v));
  let compared = 0;
  for (let k = 0; k < 6; k++) {
    let u = x[k];
    let v = y[k];
    if (fullDates && k >= 3 && (Number.isNaN(u) || Number.isNaN(v))) {
      if (Number.isNaN(u) && Number.isNaN(v)) break;
      u = Number.isNaN(u) ? 0 : u;
      v = Number.isNaN(v) ? 0 : v;
    }
    if (Number.isNaN(u) || Number.isNaN(v)) break;
    compared++;
    if (u !== v) return u < v ? -1 : 1;
  }
  return compared === 0 ? undefined : 0;
}
