/**
 * ISO 8601 dates as SDTM wants them (SDTMIG §4.4): extended format, right-truncated for partial dates, never
 * imputed; and the study day (§4.4.4): day 1 is RFSTDTC, the day before is -1, there is no day 0, and it is
 * computed only when both dates are complete.
 */
import { parseDtc } from '../conformance/iso8601.ts';

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T|$)/;

/** The value as an SDTM --DTC when it is valid ISO 8601 (partial allowed), else null. Nothing is filled in. */
export function asDtc(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return text !== '' && parseDtc(text) ? text : null;
}

/** The calendar date (UTC) of a stored instant, e.g. an encounter start: YYYY-MM-DD. */
export function dateOf(instant: Date | null | undefined): string | null {
  return instant ? instant.toISOString().slice(0, 10) : null;
}

function dayNumber(dtc: string): number | null {
  if (dtc.includes('/')) return null;
  const m = FULL_DATE.exec(dtc);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const check = new Date(t);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return t / 86_400_000;
}

/** --DY of `dtc` relative to RFSTDTC; null unless both hold a complete date. */
export function studyDay(dtc: string | null | undefined, rfstdtc: string | null | undefined): number | null {
  if (!dtc || !rfstdtc) return null;
  const day = dayNumber(dtc);
  const ref = dayNumber(rfstdtc);
  if (day === null || ref === null) return null;
  const diff = day - ref;
  return diff >= 0 ? diff + 1 : diff;
}

/** Whole years from a complete birth date to a complete reference date; null when either is partial. */
export function ageInYears(brthdtc: string | null, refdtc: string | null): number | null {
  if (!brthdtc || !refdtc) return null;
  const b = FULL_DATE.exec(brthdtc);
  const r = FULL_DATE.exec(refdtc);
  if (!b || !r || dayNumber(brthdtc) === null || dayNumber(refdtc) === null) return null;
  let age = Number(r[1]) - Number(b[1]);
  if (Number(r[2]) < Number(b[2]) || (r[2] === b[2] && Number(r[3]) < Number(b[3]))) age--;
  return age >= 0 ? age : null;
}
