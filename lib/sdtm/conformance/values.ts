/** How CORE operators read a value: blank text and missing numbers are empty; comparisons are on text. */
import type { SdtmValue } from '../dataset.ts';

/** null, undefined (variable absent), '' or blanks only. */
export function isEmpty(value: SdtmValue | undefined): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'number') return Number.isNaN(value);
  if (value === '') return true;
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) !== 32) return false;
  return true;
}

export function nonEmpty(value: SdtmValue | undefined): boolean {
  return !isEmpty(value);
}

/** The value as text (numbers in JavaScript's shortest form); '' for empty. */
export function text(value: SdtmValue | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? String(value) : value;
}

/** CORE `equal_to` against a literal: case-sensitive text equality (an absent value equals nothing). */
export function equals(value: SdtmValue | undefined, literal: string): boolean {
  return value !== null && value !== undefined && text(value) === literal;
}

/** Shown in messages: quoted text, or `null`. */
export function show(value: SdtmValue | undefined): string {
  return isEmpty(value) ? 'null' : JSON.stringify(value);
}
