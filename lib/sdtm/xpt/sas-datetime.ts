/**
 * The `ddMMMyy:hh:mm:ss` timestamps of XPORT headers (e.g. `21AUG20:09:14:29`): 2-digit year, upper-case
 * English month, local time of the writing machine (as SAS writes them).
 */
import { MONTHS } from './xpt-layout.ts';

const PATTERN = /^(\d{2})(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)(\d{2}):(\d{2}):(\d{2}):(\d{2})$/;

const two = (n: number) => String(n).padStart(2, '0');

/** Formats a Date in local time as SAS does in XPORT headers. */
export function formatSasDatetime(date: Date): string {
  return (
    `${two(date.getDate())}${MONTHS[date.getMonth()]}${two(date.getFullYear() % 100)}:` +
    `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`
  );
}

/** True for a well-formed header timestamp (day 01–31, hour 00–23, minutes and seconds 00–59). */
export function isSasDatetime(text: string): boolean {
  const m = PATTERN.exec(text);
  if (!m) return false;
  const [day, hour, minute, second] = [m[1], m[4], m[5], m[6]].map(Number);
  return day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 59;
}
