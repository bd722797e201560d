/**
 * Sentence (and clause) boundaries, used as the outer limit of ConText assertion scopes and of medication sigs.
 * A boundary is: ". ! ?" followed by a space, a comma or the end (not after "Dr", "p.o", a decimal ...), a semicolon,
 * a blank line, a line break unless the line wraps mid-sentence, and both edges of every section header.
 */
import type { Section } from './sections.ts';
import type { Token } from './tokens.ts';

/** Words after which a period does not end a sentence. */
const ABBREVIATIONS = new Set(
  'dr mr mrs ms st vs etc eg ie approx appt pt pts no nos fig jr sr dept inc hx dx tx rx sx fx wt ht temp resp'.split(
    ' ',
  ),
);

const BREAK_RE = /[.!?]+(?=[\s,"')\]]|$)|;|\r?\n/g;

/** Sorted character offsets at which a new sentence starts. */
export function sentenceStarts(text: string, sections: Section[]): number[] {
  const starts: number[] = [0];
  BREAK_RE.lastIndex = 0;
  for (let m = BREAK_RE.exec(text); m !== null; m = BREAK_RE.exec(text)) {
    const ch = m[0][0];
    const after = m.index + m[0].length;
    if (ch === '\n' || ch === '\r') {
      const prev = text.slice(Math.max(0, m.index - 1), m.index);
      const nextLine = /^[ \t]*(\S)/.exec(text.slice(after, after + 40));
      const wraps = /[a-z,]/.test(prev) && nextLine !== null && /[a-z]/.test(nextLine[1]);
      if (!wraps) starts.push(after);
      continue;
    }
    if (ch === '.') {
      const word = /([A-Za-z]+)$/.exec(text.slice(Math.max(0, m.index - 12), m.index))?.[1] ?? '';
      if (ABBREVIATIONS.has(word.toLowerCase())) continue;
      if (word.length === 1 && !/^\s+[A-Z]/.test(text.slice(after, after + 3))) continue; // p.o. / b.i.d. / initials
    }
    starts.push(after);
  }
  for (const s of sections) starts.push(s.headerStart, s.headerEnd);
  starts.sort((a, b) => a - b);
  const out: number[] = [];
  for (const s of starts) if (out[out.length - 1] !== s) out.push(s);
  return out;
}

/** For each token, the index of its sentence in `starts`. */
export function sentenceIndexOfTokens(tokens: Token[], starts: number[]): Int32Array {
  const ids = new Int32Array(tokens.length);
  let s = 0;
  for (let i = 0; i < tokens.length; i++) {
    while (s + 1 < starts.length && starts[s + 1] <= tokens[i].start) s++;
    ids[i] = s;
  }
  return ids;
}
