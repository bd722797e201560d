/**
 * A token trie for lexicon look-up: thousands of phrases are matched in one left-to-right pass over the note's
 * tokens (cost: tokens × longest phrase), instead of thousands of regular expressions.
 *
 * Phrases are stored in normal form (see tokens.ts). An entry may be case-sensitive: it then matches only when the
 * note's tokens are written exactly as the entry's surface form ("PE", "HTN"), which keeps abbreviations that are
 * also ordinary words or headers from firing on lower-case text.
 */
import { type Token, normalizePhrase, tokenize, tokensJoinable } from './tokens.ts';

interface Entry<T> {
  value: T;
  /** Exact token surfaces required (case-sensitive entries only). */
  raw?: string[];
}

interface Node<T> {
  next: Map<string, Node<T>>;
  entries?: Entry<T>[];
}

export interface PhraseMatch<T> {
  /** First token index (inclusive) and last token index (exclusive). */
  tokenStart: number;
  tokenEnd: number;
  start: number;
  end: number;
  value: T;
}

export class PhraseTrie<T> {
  private readonly root: Node<T> = { next: new Map() };
  size = 0;

  /**
   * @param commaJoins also join tokens separated by one comma ("insulin isophane, human", "nitrofurantoin,
   *   macrocrystals": RxNorm-style names written with commas). Only phrases in the lexicon can match, so a comma
   *   list of separate names stays separate.
   */
  constructor(private readonly commaJoins = false) {}

  /** Adds a phrase (any casing; normalised here). */
  add(phrase: string, value: T): void {
    const words = normalizePhrase(phrase).split(' ').filter(Boolean);
    if (words.length) this.insert(words, { value });
  }

  /** Adds a phrase that matches only when written with exactly this letter case. */
  addCaseSensitive(surface: string, value: T): void {
    const tokens = tokenize(surface);
    if (tokens.length)
      this.insert(
        tokens.map((t) => t.norm),
        { value, raw: tokens.map((t) => t.raw) },
      );
  }

  private insert(words: string[], entry: Entry<T>): void {
    let node = this.root;
    for (const w of words) {
      let child = node.next.get(w);
      if (!child) node.next.set(w, (child = { next: new Map() }));
      node = child;
    }
    (node.entries ??= []).push(entry);
    this.size++;
  }

  private joinable(text: string, a: Token, b: Token): boolean {
    return (
      tokensJoinable(text, a, b) || (this.commaJoins && /^,[ \t]{1,2}$/.test(text.slice(a.end, b.start)))
    );
  }

  /** The longest phrase starting at token `i`, or undefined. */
  longestAt(text: string, tokens: Token[], i: number): PhraseMatch<T> | undefined {
    let node: Node<T> | undefined = this.root;
    let best: PhraseMatch<T> | undefined;
    for (let j = i; j < tokens.length && node; j++) {
      if (j > i && !this.joinable(text, tokens[j - 1], tokens[j])) break;
      node = node.next.get(tokens[j].norm);
      if (!node?.entries) continue;
      for (const e of node.entries) {
        if (e.raw && !e.raw.every((r, k) => tokens[i + k].raw === r)) continue;
        best = { tokenStart: i, tokenEnd: j + 1, start: tokens[i].start, end: tokens[j].end, value: e.value };
        break;
      }
    }
    return best;
  }

  /** Leftmost-longest, non-overlapping matches over the whole token list. */
  findAll(text: string, tokens: Token[]): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let i = 0; i < tokens.length;) {
      const m = this.longestAt(text, tokens, i);
      if (m) {
        out.push(m);
        i = m.tokenEnd;
      } else i++;
    }
    return out;
  }
}
