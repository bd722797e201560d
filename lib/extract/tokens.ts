/**
 * Word tokenizer shared by every lexicon matcher and by the lexicon derivation script, so that a phrase in a data
 * file and the same phrase in a note always normalise to the same token sequence.
 *
 * A token is a run of letters or digits (any script), or one of the joiners "/", "&", "+" (kept so that "h/o",
 * "I&D" and "r/o" stay distinct from "h o" or "I'd"). Apostrophes, hyphens, dots and other punctuation separate
 * tokens and are dropped: "Crohn's" → crohn s, "A-fib" → a fib, "x-ray" → x ray. Offsets are UTF-16 indices into
 * the original text, so `text.slice(start, end)` is always the token's surface form.
 */

export interface Token {
  /** Lower-cased surface form. */
  norm: string;
  /** Surface form as written. */
  raw: string;
  start: number;
  end: number;
}

const TOKEN_RE = /[\p{L}\p{N}]+|[/&+]/gu;

/** Splits `text` into tokens; linear in the length of the text. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    const raw = m[0];
    tokens.push({ norm: raw.toLowerCase(), raw, start: m.index, end: m.index + raw.length });
  }
  return tokens;
}

/** The normal form of a lexicon phrase: its tokens, lower-cased, joined by single spaces. */
export function normalizePhrase(phrase: string): string {
  return tokenize(phrase)
    .map((t) => t.norm)
    .join(' ');
}

/** Characters allowed between two tokens of one phrase: spaces, hyphens, apostrophes and at most one line break. */
const GAP_RE = /^[ \t\u00a0'\u2019\u2010\u2011\u2013-]*(?:\r?\n[ \t\u00a0]*)?$/;

/** True when `a` and `b` are adjacent tokens that may belong to one phrase (no sentence or list punctuation between). */
export function tokensJoinable(text: string, a: Token, b: Token): boolean {
  const gapLength = b.start - a.end;
  if (gapLength === 0) return true;
  if (gapLength > 6) return false;
  return GAP_RE.test(text.slice(a.end, b.start));
}
