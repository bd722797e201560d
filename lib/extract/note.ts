/**
 * The analysed note shared by all extractors: tokens, sections, sentences and ConText triggers, computed once per
 * call, plus the character ranges already claimed by earlier extractors (so that "penicillin" in an allergy list
 * is not also a medication, and "120/80" is not also a date).
 */
import {
  type AssertionContext,
  type Category,
  type Trigger,
  categoriesAt,
  findTriggers,
} from './assertion.ts';
import { type Section, findSections, sectionAt } from './sections.ts';
import { sentenceIndexOfTokens, sentenceStarts } from './sentences.ts';
import { type Token, tokenize } from './tokens.ts';

export interface Note extends AssertionContext {
  text: string;
  tokens: Token[];
  sections: Section[];
  /** Character offsets where sentences start (sorted). */
  sentenceStarts: number[];
  triggers: Trigger[];
  /** 1 for every character already claimed by a finding's span. */
  claimed: Uint8Array;
}

export function analyzeNote(text: string): Note {
  const tokens = tokenize(text);
  const sections = findSections(text);
  const starts = sentenceStarts(text, sections);
  const sentenceOfToken = sentenceIndexOfTokens(tokens, starts);
  const triggers = findTriggers(text, tokens).filter((t) => !inHeader(sections, tokens[t.tokenStart].start));
  return {
    text,
    tokens,
    sections,
    sentenceStarts: starts,
    sentenceOfToken,
    triggers,
    claimed: new Uint8Array(text.length),
  };
}

/** True when `offset` lies inside a section header ("PAST MEDICAL HISTORY:"). */
export function inHeader(sections: Section[], offset: number): boolean {
  const s = sectionAt(sections, offset);
  return s !== undefined && offset < s.headerEnd;
}

export function sectionNameAt(note: Note, offset: number): string | undefined {
  return sectionAt(note.sections, offset)?.name;
}

export function overlapsClaim(note: Note, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (note.claimed[i]) return true;
  return false;
}

export function claim(note: Note, start: number, end: number): void {
  note.claimed.fill(1, start, end);
}

/** Index of the first token starting at or after `offset`. */
export function tokenIndexAt(note: Note, offset: number): number {
  let lo = 0;
  let hi = note.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (note.tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** End offset of the sentence containing `offset`. */
export function sentenceEndAt(note: Note, offset: number): number {
  const starts = note.sentenceStarts;
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < starts.length ? starts[lo] : note.text.length;
}

/** Start offset of the sentence containing `offset`. */
export function sentenceStartAt(note: Note, offset: number): number {
  const starts = note.sentenceStarts;
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? starts[lo - 1] : 0;
}

/** ConText categories for the tokens covering characters [start, end). */
export function categoriesForSpan(
  note: Note,
  start: number,
  end: number,
  reach?: number,
): Map<Category, string[]> {
  const first = tokenIndexAt(note, start);
  let last = first;
  while (last < note.tokens.length && note.tokens[last].start < end) last++;
  return categoriesAt(note, first, Math.max(last, first + 1), reach);
}
