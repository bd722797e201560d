/**
 * ConText-style assertion (Harkema et al. 2009; medspacy's implementation): trigger phrases open a scope forward,
 * backward or both, limited by the sentence, by a per-rule token cap and by termination phrases of the same
 * category; pseudo-triggers ("no change", "gram negative") are matched first and block the triggers they contain.
 * Triggers: data/context-rules.json (medspacy context_rules_en.json expanded, plus curated rules).
 *
 * The finding's assertion is the strongest category that reaches it, in this order:
 *   negated > family > hypothetical > possible > historical > present,
 * with section defaults applied when no trigger decides: family-history section → family, past medical or
 * surgical history → historical, differential diagnosis → possible.
 */
import contextData from './data/context-rules.json' with { type: 'json' };
import type { AssertionValue } from './contract.ts';
import { PhraseTrie } from './phrase-trie.ts';
import type { Token } from './tokens.ts';

export type Category = 'NEGATED_EXISTENCE' | 'POSSIBLE_EXISTENCE' | 'HYPOTHETICAL' | 'HISTORICAL' | 'FAMILY';
type Direction = 'FORWARD' | 'BACKWARD' | 'BIDIRECTIONAL' | 'TERMINATE' | 'PSEUDO';

interface Rule {
  category: Category | 'PSEUDO';
  /** Index of the category in CATEGORIES, -1 for pseudo-triggers. */
  cat: number;
  direction: Direction;
  maxScope?: number;
}

const CATEGORIES: Category[] = [
  'NEGATED_EXISTENCE',
  'POSSIBLE_EXISTENCE',
  'HYPOTHETICAL',
  'HISTORICAL',
  'FAMILY',
];

export interface Trigger {
  tokenStart: number;
  tokenEnd: number;
  /** The trigger phrase in normal form ("denies", "rule out", ...). */
  phrase: string;
  rules: Rule[];
}

function buildTriggerTrie(): PhraseTrie<Rule[]> {
  const byPhrase = new Map<string, Rule[]>();
  for (const r of contextData.rules) {
    const rule: Rule = {
      category: r.category as Rule['category'],
      cat: CATEGORIES.indexOf(r.category as Category),
      direction: r.direction as Direction,
      maxScope: 'maxScope' in r && typeof r.maxScope === 'number' ? r.maxScope : undefined,
    };
    for (const p of r.phrases) {
      const list = byPhrase.get(p) ?? [];
      list.push(rule);
      byPhrase.set(p, list);
    }
  }
  const trie = new PhraseTrie<Rule[]>();
  for (const [phrase, rules] of byPhrase) trie.add(phrase, rules);
  return trie;
}

const TRIGGERS = buildTriggerTrie();

/** Longest scope in tokens, also for rules that medspacy leaves unbounded (the sentence); keeps look-ups O(1). */
const WINDOW = 120;
/** Longest backward scope of any rule. */
const BACKWARD_MAX = Math.min(
  WINDOW,
  Math.max(
    0,
    ...contextData.rules
      .filter((r) => r.direction === 'BACKWARD' || r.direction === 'BIDIRECTIONAL')
      .map((r) => ('maxScope' in r && typeof r.maxScope === 'number' ? r.maxScope : WINDOW)),
  ),
);
/** Scratch buffers for categoriesAt (the extractor is synchronous, so one set suffices). */
const LAST_TERM_START = new Int32Array(CATEGORIES.length);
const FIRST_TERM_END = new Float64Array(CATEGORIES.length);

/** All trigger occurrences in the note, in token order (pseudo-triggers included; they simply open no scope). */
export function findTriggers(text: string, tokens: Token[]): Trigger[] {
  return TRIGGERS.findAll(text, tokens).map((m) => ({
    tokenStart: m.tokenStart,
    tokenEnd: m.tokenEnd,
    phrase: tokens
      .slice(m.tokenStart, m.tokenEnd)
      .map((t) => t.norm)
      .join(' '),
    rules: m.value,
  }));
}

/** What the assertion engine needs to know about a note. */
export interface AssertionContext {
  triggers: Trigger[];
  /** Token index → sentence index. */
  sentenceOfToken: Int32Array;
}

/** Categories whose scope covers tokens [start, end), each with the trigger phrases that reach it; `reach` caps
 * every scope (in tokens) for finding types that only close triggers should modify. */
export function categoriesAt(
  ctx: AssertionContext,
  start: number,
  end: number,
  reach = WINDOW,
): Map<Category, string[]> {
  const found = new Map<Category, string[]>();
  const { triggers, sentenceOfToken } = ctx;
  if (start >= sentenceOfToken.length || end <= start) return found;
  const sentence = sentenceOfToken[start];
  const before = Math.min(WINDOW, reach);
  // First trigger that could reach the target (binary search on tokenStart).
  let lo = 0;
  let hi = triggers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (triggers[mid].tokenStart < start - before) lo = mid + 1;
    else hi = mid;
  }
  let last = lo;
  const stop = end + Math.min(BACKWARD_MAX, reach);
  while (last < triggers.length && triggers[last].tokenStart < stop) last++;
  // Per category: the last terminator ending before the target and the first one starting after it.
  LAST_TERM_START.fill(-1);
  FIRST_TERM_END.fill(Number.MAX_SAFE_INTEGER);
  for (let i = lo; i < last; i++) {
    const t = triggers[i];
    if (sentenceOfToken[t.tokenStart] !== sentence) continue;
    for (const r of t.rules) {
      if (r.direction !== 'TERMINATE' || r.cat < 0) continue;
      if (t.tokenEnd <= start) LAST_TERM_START[r.cat] = Math.max(LAST_TERM_START[r.cat], t.tokenStart);
      if (t.tokenStart >= end) FIRST_TERM_END[r.cat] = Math.min(FIRST_TERM_END[r.cat], t.tokenEnd);
    }
  }
  for (let i = lo; i < last; i++) {
    const t = triggers[i];
    if (sentenceOfToken[t.tokenStart] !== sentence) continue;
    for (const r of t.rules) {
      if (r.cat < 0 || r.direction === 'TERMINATE' || r.direction === 'PSEUDO') continue;
      const cap = Math.min(r.maxScope ?? WINDOW, reach);
      let hit = false;
      if ((r.direction === 'FORWARD' || r.direction === 'BIDIRECTIONAL') && t.tokenEnd <= start)
        hit = start - t.tokenEnd < cap && LAST_TERM_START[r.cat] < t.tokenEnd;
      if (!hit && (r.direction === 'BACKWARD' || r.direction === 'BIDIRECTIONAL') && t.tokenStart >= end)
        hit = t.tokenStart - end < cap && FIRST_TERM_END[r.cat] > t.tokenStart;
      if (hit) {
        const list = found.get(r.category as Category);
        if (list) list.push(t.phrase);
        else found.set(r.category as Category, [t.phrase]);
      }
    }
  }
  return found;
}

const SECTION_DEFAULTS: Record<string, AssertionValue> = {
  family_history: 'family',
  past_medical_history: 'historical',
  past_surgical_history: 'historical',
  differential_diagnosis: 'possible',
};

/** The assertion for a finding, from its categories and (as a default) its section. */
export function resolveAssertion(
  categories: Map<Category, string[]>,
  section: string | undefined,
): AssertionValue {
  if (categories.has('NEGATED_EXISTENCE')) return 'negated';
  const byDefault = section ? SECTION_DEFAULTS[section] : undefined;
  if (categories.has('FAMILY') || byDefault === 'family') return 'family';
  if (categories.has('HYPOTHETICAL')) return 'hypothetical';
  if (categories.has('POSSIBLE_EXISTENCE') || byDefault === 'possible') return 'possible';
  if (categories.has('HISTORICAL') || byDefault === 'historical') return 'historical';
  return 'present';
}
