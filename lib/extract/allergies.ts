/**
 * Allergies → MH with MHCAT "ALLERGY" (the SDTMIG has no allergy domain; MH Assumption 3 names allergy history as
 * an MHCAT example).
 *
 *  - "No known allergies" / "NKDA" / "Allergies: None": MHTERM "DRUG ALLERGY" (or "ALLERGY", "FOOD ALLERGY" as
 *    written) with MHPRESP "Y" and MHOCCUR "N" — the SDTM way to record a pre-specified condition that is absent —
 *    and assertion "negated".
 *  - A substance in an allergy context (the allergies section, "allergic to ...", "... allergy"): MHTERM
 *    "<substance as written> allergy", assertion from ConText (e.g. "not allergic to" → negated).
 *  - The reaction, when written right after the substance ("penicillin (rash)", "sulfa causes hives"), goes to
 *    MHREACT, a non-standard qualifier for SUPPMH (QNAM MHREACT, QLABEL "Allergic Reaction").
 * Substances are drug names (drug lexicon) and allergens (data/allergens.json: Synthea allergies + curated).
 */
import type { ExtractedFinding } from './contract.ts';
import { makeFinding } from './finding.ts';
import { type DrugEntry, allergenTrie, reactionTrie } from './lexicons.ts';
import {
  type Note,
  categoriesForSpan,
  claim,
  inHeader,
  overlapsClaim,
  sentenceEndAt,
  tokenIndexAt,
} from './note.ts';
import type { PhraseMatch } from './phrase-trie.ts';

const NKA_RE =
  /\b(?:no\s+known\s+(?:(drug|medication|medicine|food|environmental|medical)\s+)?allerg(?:ies|y)|(n\.?k\.?d\.?a)\.?|n\.?k\.?a\.?(?![a-z])|no\s+(?:(drug|medication|medicine|food)\s+)?allergies|denies\s+(?:any\s+)?(?:known\s+)?(?:(drug|medication|food)\s+)?allergies|no\s+allergies\s+to\s+(?:any\s+)?(medications))\b/gi;
/** Content of an allergies section that says "none". */
const SECTION_NONE_RE =
  /^[\s,:.-]{0,6}(none(?:\s+known)?|no|nka|denie[sd]|negative|not\s+applicable|n\/a)(?![a-z])/i;
const CUE_RE =
  /\b(?:allergic\s+to|allerg(?:y|ies)\s+(?:to|include|includes|including|are|is|of)|hypersensitivity\s+to|intoleran(?:t|ce)\s+to|sensitiv(?:e|ity)\s+to|(?:adverse\s+)?reactions?\s+to|(?:anaphylactic|allergic)\s+reactions?\s+(?:due\s+to|from|after)|anaphylaxis\s+(?:due\s+to|to|from|after))\b/gi;
/** "culture … sensitive to ceftazidime": a susceptibility result, not an allergy. */
const SUSCEPTIBILITY_BEFORE =
  /\b(?:cultures?|grew|growing|isolates?|organisms?|bacteri\w*|susceptib\w*|sensitivities)\b[^.;]{0,60}$/i;
/** "Dexamethasone causes palpitations", "sulfa gives her hives": an intolerance stated with its reaction. */
const CAUSES_RE =
  /^\s{1,2}(?:causes?|caused|gives?|gave)\s{1,2}(?:(?:him|her|them|his|me)\s{1,2})?(?:to\s{1,2})?(?:(?:a|an|severe|mild|bad|some)[\s,]{1,3}){0,3}/i;
/** Components of one combination product: "sulfamethoxazole / trimethoprim". */
const COMBINATION_GAP = /^\s{0,2}\/\s{0,2}$/;
/** An allergy cue's list ends at the end of its clause ("allergic reaction to medication and was placed on codeine"). */
const CLAUSE_END_RE = /[.;:]|\b(?:but|which|who|was|were|is|are|has|had|will|because|due|so|then)\b/i;
const SUFFIX_RE = /^\s{0,2}(?:-\s{0,2})?(allerg(?:y|ies)|allergic\s+reaction|intolerance|sensitivity)\b/i;
const REACTION_GAP_RE =
  /^[\s,:(\-–]*(?:(?:causes?|caused|causing|gives?|gave|results?\s+in|resulting\s+in|leads?\s+to|led\s+to|with|which\s+causes?|that\s+causes?|reaction|reactions|she\s+gets|he\s+gets|gets|got|had|has|developed|of|is|was|to|him|her|his|them|me)\s*[,:(\-–]?\s*){0,4}(?:(?:a|an|severe|mild|bad|some|significant)\s+){0,2}$/i;

interface Substance {
  start: number;
  end: number;
  suffixEnd?: number;
}

function nkaTerm(m: RegExpExecArray): string {
  const qualifier = (m[1] ?? m[3] ?? m[4] ?? m[5] ?? (m[2] ? 'drug' : '')).toLowerCase();
  if (/drug|medic/.test(qualifier)) return 'DRUG ALLERGY';
  if (qualifier === 'food') return 'FOOD ALLERGY';
  return 'ALLERGY';
}

function negativeFinding(
  note: Note,
  start: number,
  end: number,
  term: string,
  confidence: number,
): ExtractedFinding {
  return makeFinding(note, {
    kind: 'allergy',
    domain: 'MH',
    variables: { MHTERM: term, MHCAT: 'ALLERGY', MHPRESP: 'Y', MHOCCUR: 'N' },
    start,
    end,
    confidence,
    assertion: 'negated',
  });
}

function contexts(note: Note): [number, number][] {
  const out: [number, number][] = [];
  for (const s of note.sections) if (s.name === 'allergies') out.push([s.start, s.end]);
  CUE_RE.lastIndex = 0;
  for (let m = CUE_RE.exec(note.text); m !== null; m = CUE_RE.exec(note.text)) {
    if (
      /^sensitiv/i.test(m[0]) &&
      SUSCEPTIBILITY_BEFORE.test(note.text.slice(Math.max(0, m.index - 80), m.index))
    )
      continue;
    const from = m.index + m[0].length;
    const rest = note.text.slice(from, Math.min(sentenceEndAt(note, from), from + 160));
    const cut = CLAUSE_END_RE.exec(rest);
    out.push([from, from + (cut ? cut.index : rest.length)]);
  }
  return out;
}

/** True when a reaction word follows "causes"/"gives" right after the substance ending at `end`. */
function causesReaction(note: Note, end: number): boolean {
  const m = CAUSES_RE.exec(note.text.slice(end, end + 60));
  if (!m) return false;
  const t = tokenIndexAt(note, end + m[0].length);
  return t < note.tokens.length && reactionTrie.longestAt(note.text, note.tokens, t) !== undefined;
}

const inside = (ranges: [number, number][], start: number) =>
  ranges.some(([s, e]) => start >= s && start < e);

export function extractAllergies(note: Note, drugs: PhraseMatch<DrugEntry>[]): ExtractedFinding[] {
  const { text } = note;
  const findings: ExtractedFinding[] = [];

  NKA_RE.lastIndex = 0;
  for (let m = NKA_RE.exec(text); m !== null; m = NKA_RE.exec(text)) {
    const end = m.index + m[0].replace(/\.$/, '').length;
    if (inHeader(note.sections, m.index) || overlapsClaim(note, m.index, end)) continue;
    findings.push(negativeFinding(note, m.index, end, nkaTerm(m), 0.95));
    claim(note, m.index, end);
  }
  for (const s of note.sections) {
    if (s.name !== 'allergies') continue;
    const none = SECTION_NONE_RE.exec(text.slice(s.start, Math.min(s.end, s.start + 40)));
    if (!none) continue;
    const start = s.start + none.index + none[0].length - none[1].length;
    const end = start + none[1].length;
    if (overlapsClaim(note, start, end)) continue;
    findings.push(negativeFinding(note, start, end, 'ALLERGY', 0.9));
    claim(note, start, end);
  }

  const ctx = contexts(note);
  const substances: Substance[] = [];
  const taken = new Uint8Array(note.tokens.length);
  const consider = (tokenStart: number, tokenEnd: number, start: number, end: number) => {
    if (overlapsClaim(note, start, end) || inHeader(note.sections, start)) return;
    for (let i = tokenStart; i < tokenEnd; i++) if (taken[i]) return;
    const suffix = SUFFIX_RE.exec(text.slice(end, end + 30));
    if (!suffix && !inside(ctx, start) && !causesReaction(note, end)) return;
    taken.fill(1, tokenStart, tokenEnd);
    substances.push({ start, end, suffixEnd: suffix ? end + suffix[0].length : undefined });
  };
  for (const d of drugs) consider(d.tokenStart, d.tokenEnd, d.start, d.end);
  for (const a of allergenTrie.findAll(text, note.tokens)) consider(a.tokenStart, a.tokenEnd, a.start, a.end);
  substances.sort((a, b) => a.start - b.start);
  for (let i = substances.length - 1; i > 0; i--) {
    const [a, b] = [substances[i - 1], substances[i]];
    if (a.suffixEnd === undefined && COMBINATION_GAP.test(text.slice(a.end, b.start))) {
      substances.splice(i - 1, 2, { start: a.start, end: b.end, suffixEnd: b.suffixEnd });
    }
  }

  for (let i = 0; i < substances.length; i++) {
    const s = substances[i];
    const afterStart = s.suffixEnd ?? s.end;
    const limit = Math.min(
      i + 1 < substances.length ? substances[i + 1].start : text.length,
      sentenceEndAt(note, afterStart),
      afterStart + 80,
    );
    let clause = text.slice(afterStart, Math.max(afterStart, limit));
    const cut = /[;\n]/.exec(clause);
    if (cut) clause = clause.slice(0, cut.index);
    let reaction: { start: number; end: number } | undefined;
    const first = tokenIndexAt(note, afterStart);
    for (let t = first; t < note.tokens.length && note.tokens[t].start < afterStart + clause.length; t++) {
      const r = reactionTrie.longestAt(text, note.tokens, t);
      if (!r || r.end > afterStart + clause.length) continue;
      if (REACTION_GAP_RE.test(text.slice(afterStart, r.start))) reaction = { start: r.start, end: r.end };
      break;
    }
    const end = Math.max(
      s.suffixEnd ?? s.end,
      reaction ? reaction.end + (text[reaction.end] === ')' ? 1 : 0) : 0,
    );
    const substance = text.slice(s.start, s.end);
    const term = s.suffixEnd ? text.slice(s.start, s.suffixEnd) : `${substance} allergy`;
    const cats = categoriesForSpan(note, s.start, s.end);
    const assertion = cats.has('NEGATED_EXISTENCE')
      ? 'negated'
      : cats.has('FAMILY')
        ? 'family'
        : cats.has('HYPOTHETICAL')
          ? 'hypothetical'
          : 'present';
    findings.push(
      makeFinding(note, {
        kind: 'allergy',
        domain: 'MH',
        variables: {
          MHTERM: term,
          MHCAT: 'ALLERGY',
          MHREACT: reaction ? text.slice(reaction.start, reaction.end) : undefined,
        },
        start: s.start,
        end,
        confidence: s.suffixEnd || inside(ctx, s.start) ? 0.9 : 0.8,
        assertion,
      }),
    );
    claim(note, s.start, end);
  }
  return findings;
}
