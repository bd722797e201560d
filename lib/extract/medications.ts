/**
 * Medications → CM. A drug name from the lexicon (ingredients and brands derived from Synthea, MIMIC-IV demo and
 * FHIR codings, plus curated names) followed by its sig (medication-sig.ts).
 *
 * Variables: CMTRT (the name as written), CMDOSE + CMDOSU, CMROUTE, CMDOSFRQ (a scheduled frequency wins over PRN;
 * PRN alone gives "PRN"), CMDOSFRM. Status relative to the note (documented in lib/extract/README.md), using the
 * SDTM relative-timing variables against the reference point "DOCUMENT DATE":
 *   current  → CMENRTPT "ONGOING"                       ("continue lisinopril", a medication list)
 *   new      → CMSTRTPT "COINCIDENT" + CMENRTPT "ONGOING" ("start metformin", "prescribed")
 *   stopped  → CMENRTPT "BEFORE"                        ("stopped aspirin", "was discontinued")
 * with CMSTTPT / CMENTPT = "DOCUMENT DATE". Nothing is set when the text gives no status.
 *
 * Names that are also common words or lab analytes ("iron", "calcium", "ASA") count only with a dose, route or
 * frequency beside them, or inside a medication section. Drug names inside allergy statements are allergies.
 */
import type { ExtractedFinding } from './contract.ts';
import { doseUnit } from './ct-maps.ts';
import { makeFinding } from './finding.ts';
import type { DrugEntry } from './lexicons.ts';
import { parsePreDose, parsePreRoute, parseSig, type Sig } from './medication-sig.ts';
import {
  type Note,
  categoriesForSpan,
  claim,
  overlapsClaim,
  sectionNameAt,
  sentenceEndAt,
  sentenceStartAt,
} from './note.ts';
import type { PhraseMatch } from './phrase-trie.ts';

const MAX_SIG = 90;
const SIG_STOP =
  /\b(?:for|because|due to|which|but|who|that|if|until|when|secondary to|and|with|without|containing|plus|or)\b|[;\n]/i;
const MED_SECTIONS = new Set(['medications']);

const STOPPED_BEFORE =
  /\b(?:stop(?:ped|ping)?|discontinu(?:e|ed|ing)|d\/c(?:'?d)?|dc'?d|held|hold(?:ing)?|came off|taken off|took (?:him|her|them) off|off (?:of )?(?:the|his|her)?|no longer (?:on|taking|takes)|quit|weaned off)\s+(?:\w+\s+){0,3}$/i;
const STOPPED_AFTER =
  /^[^.;\n]{0,40}?\b(?:was|were|has been|have been|had been|is being)\s+(?:discontinued|stopped|held|d\/c'?d)\b/i;
const NEW_BEFORE =
  /\b(?:start(?:ed|ing)?|begin|began|initiat(?:e|ed|ing)|newly|new|prescrib(?:e|ed|ing)|add(?:ed|ing)?|switch(?:ed)? to|chang(?:e|ed) to|trial of|will try|placed on|put on|given a prescription for|prescription for|rx for)\s+(?:\w+\s+){0,3}$/i;
const CURRENT_BEFORE =
  /\b(?:continu(?:e|es|ed|ing)|currently (?:on|taking|takes|uses|using)|takes|taking|is on|remains on|maintained on|uses|using|on)\s+(?:\w+\s+){0,3}$/i;

/** Hypothetical triggers that apply to medications (conditional use), as opposed to "as needed" which is PRN. */
const CONDITIONAL = new Set([
  'if',
  'in case of',
  'in the event of',
  'should he',
  'should she',
  'should the patient',
  'should there be',
  'should symptoms',
  'unless',
]);
const PAST = new Set([
  'previously',
  'previous',
  'prior',
  'in the past',
  'history of',
  'hx of',
  'h / o',
  'remote',
  'remote history of',
  'years ago',
  'year ago',
  'months ago',
  'month ago',
  'past history of',
]);

interface Sigged {
  m: PhraseMatch<DrugEntry>;
  sig: Sig;
  windowStart: number;
  pre?: { dose: number; doseUnit: string; length: number };
  preRoute?: { route: string; length: number };
  ratio: boolean;
}

/** A list item's instructions in the next sentence: "Metoprolol 50 mg tablet. Take 1 tablet daily." */
const INSTRUCTION_NEXT = /^[. \t]{0,4}(?:take|takes|sig|inhale|use|apply|instill|give|dosage|directions)\b/i;

function sigWindow(note: Note, m: PhraseMatch<DrugEntry>, nextStart: number): string {
  let sentenceEnd = sentenceEndAt(note, m.end);
  if (sentenceEnd < note.text.length && INSTRUCTION_NEXT.test(note.text.slice(sentenceEnd, sentenceEnd + 20)))
    sentenceEnd = sentenceEndAt(note, sentenceEnd + 1);
  const limit = Math.min(nextStart, sentenceEnd, m.end + MAX_SIG * 2, note.text.length);
  const raw = note.text.slice(m.end, Math.max(m.end, limit));
  const stop = SIG_STOP.exec(raw);
  return stop ? raw.slice(0, stop.index) : raw;
}

function readSig(note: Note, m: PhraseMatch<DrugEntry>, nextStart: number): Sigged {
  const sig = parseSig(sigWindow(note, m, nextStart));
  const before = note.text.slice(Math.max(sentenceStartAt(note, m.start), m.start - 30), m.start);
  const pre = sig.dose === undefined ? parsePreDose(before) : undefined;
  const preRoute = sig.route === undefined && !pre ? parsePreRoute(before) : undefined;
  const ratio = PRE_RATIO_RE.test(before);
  return { m, sig, windowStart: m.end, pre, preRoute, ratio };
}

/** A ratio strength just before the name: "lidocaine 2% with 1:100,000 epinephrine". */
const PRE_RATIO_RE = /\b1\s?:\s?\d{1,3}(?:,\d{3})+\s{1,2}$/;

const hasSig = (s: Sigged) =>
  s.ratio ||
  s.sig.dose !== undefined ||
  s.sig.route !== undefined ||
  s.sig.frequency !== undefined ||
  s.sig.prn === true ||
  s.pre !== undefined ||
  s.preRoute !== undefined;

/** True when a lexicon drug match should count as a medication (used before overlap resolution). */
export function drugIsViable(note: Note, m: PhraseMatch<DrugEntry>): boolean {
  if (!m.value.weak) return true;
  if (MED_SECTIONS.has(sectionNameAt(note, m.start) ?? '')) return true;
  return hasSig(readSig(note, m, note.text.length));
}

function status(note: Note, s: Sigged, end: number): Record<string, string> {
  const before = note.text.slice(Math.max(sentenceStartAt(note, s.m.start), s.m.start - 50), s.m.start);
  const after = note.text.slice(end, Math.min(note.text.length, end + 60));
  const ref = 'DOCUMENT DATE';
  if (STOPPED_BEFORE.test(before) || STOPPED_AFTER.test(after)) return { CMENRTPT: 'BEFORE', CMENTPT: ref };
  if (NEW_BEFORE.test(before))
    return { CMSTRTPT: 'COINCIDENT', CMSTTPT: ref, CMENRTPT: 'ONGOING', CMENTPT: ref };
  if (CURRENT_BEFORE.test(before) || MED_SECTIONS.has(sectionNameAt(note, s.m.start) ?? ''))
    return { CMENRTPT: 'ONGOING', CMENTPT: ref };
  return {};
}

/** Negation triggers that apply to a drug name ("not on aspirin", "denies NSAID use"); not "prophylaxis", "free". */
const MED_NEGATION =
  /\b(?:no|not|never|denies|denied|deny|denying|without|declin\w*|refus\w*|neither|nor|none|n t)\b/;

function medicationAssertion(note: Note, start: number, end: number, stopped: boolean) {
  const cats = categoriesForSpan(note, start, end, 6);
  if (!stopped && cats.get('NEGATED_EXISTENCE')?.some((p) => MED_NEGATION.test(p))) return 'negated' as const;
  if (cats.get('HYPOTHETICAL')?.some((p) => CONDITIONAL.has(p))) return 'hypothetical' as const;
  if (cats.get('HISTORICAL')?.some((p) => PAST.has(p))) return 'historical' as const;
  return 'present' as const;
}

export function extractMedications(note: Note, drugs: PhraseMatch<DrugEntry>[]): ExtractedFinding[] {
  const findings: ExtractedFinding[] = [];
  const { text } = note;
  const live = drugs.filter((m) => {
    if (overlapsClaim(note, m.start, m.end)) return false;
    // A bracketed brand after a product ("… injectable suspension [humulin]") names the same product again.
    if (
      text[m.start - 1] === '[' &&
      text[m.end] === ']' &&
      /\S/.test(text.slice(Math.max(0, m.start - 40), m.start - 1))
    ) {
      claim(note, m.start - 1, m.end + 1);
      return false;
    }
    return true;
  });
  const sigs = live.map((m, i) => readSig(note, m, i + 1 < live.length ? live[i + 1].start : text.length));
  shareCombinationSigs(text, sigs);
  for (let i = 0; i < live.length; i++) {
    const m = live[i];
    const s = sigs[i];
    if (m.value.weak && !hasSig(s) && !MED_SECTIONS.has(sectionNameAt(note, m.start) ?? '')) continue;
    const sig = s.sig;
    const start = s.pre ? m.start - s.pre.length : s.preRoute ? m.start - s.preRoute.length : m.start;
    const end = trimEnd(note.text, start, Math.max(m.end, s.windowStart + sig.end));
    let st = status(note, s, end);
    const assertion = medicationAssertion(note, m.start, m.end, st.CMENRTPT === 'BEFORE');
    if (assertion === 'historical') st = { CMENRTPT: 'BEFORE', CMENTPT: 'DOCUMENT DATE' };
    if (assertion === 'negated') st = {};
    const dose = sig.dose ?? s.pre?.dose;
    const unit = sig.dose !== undefined ? sig.doseUnit : s.pre?.doseUnit;
    const confidence = (m.value.weak ? 0.7 : m.value.abbreviation ? 0.8 : 0.88) + (hasSig(s) ? 0.07 : 0);
    findings.push(
      makeFinding(note, {
        kind: 'medication',
        domain: 'CM',
        variables: {
          CMTRT: note.text.slice(m.start, m.end),
          CMDOSE: dose,
          CMDOSU: dose !== undefined ? unit : undefined,
          CMDOSFRM: sig.form,
          CMROUTE: sig.route ?? s.preRoute?.route,
          CMDOSFRQ: sig.frequency ?? (sig.prn ? 'PRN' : undefined),
          ...st,
        },
        start,
        end,
        confidence,
        assertion,
      }),
    );
    claim(note, start, end);
  }
  return findings;
}

/** Between two ingredients of one generic combination: "lisinopril/", "amoxicillin 250 mg / ". */
const COMBINATION_GAP = /^\s{0,2}(?:\d+(?:\.\d+)?\s{0,2}(?:mg|mcg|g|ml|unt|units?)\s{0,2})?\/\s{0,2}$/i;
/** Strengths written together after a combination: "20/25 mg", "0.12/0.015 mg". */
const SPLIT_STRENGTHS = /^\s{0,2}(\d+(?:\.\d+)?(?:\s{0,2}\/\s{0,2}\d+(?:\.\d+)?)+)\s{0,2}(mg|mcg|g)\b/i;

/**
 * A generic combination written with ingredient names ("lisinopril/hydrochlorothiazide 20/25 mg daily",
 * "amoxicillin 250 mg / clavulanate 125 mg oral tablet") is one product: the route, form and frequency written after
 * the last ingredient apply to every ingredient, and strengths written together ("20/25 mg") are split in order
 * when there is one per ingredient. Nothing is shared when the counts disagree.
 */
function shareCombinationSigs(text: string, sigs: Sigged[]): void {
  for (let i = 0; i < sigs.length;) {
    let j = i;
    while (j + 1 < sigs.length && COMBINATION_GAP.test(text.slice(sigs[j].m.end, sigs[j + 1].m.start))) j++;
    if (j > i) {
      const group = sigs.slice(i, j + 1);
      const last = group[group.length - 1].sig;
      const split = SPLIT_STRENGTHS.exec(text.slice(group[group.length - 1].m.end));
      const strengths = split?.[1].split('/').map((v) => Number(v.trim()));
      for (const [k, member] of group.entries()) {
        if (k < group.length - 1) {
          member.sig.route ??= last.route;
          member.sig.routeFromForm ??= last.routeFromForm;
          member.sig.form ??= last.form;
          member.sig.frequency ??= last.frequency;
          member.sig.prn ??= last.prn;
        }
        if (strengths && split && strengths.length === group.length) {
          const unit = doseUnit(split[2]);
          if (unit) {
            member.sig.dose = strengths[k];
            member.sig.doseUnit = unit;
          }
        }
      }
    }
    i = j + 1;
  }
}

/** Drops trailing spaces and punctuation from a span (but keeps "p.o." / "b.i.d." dots); closes "(50,000 IU". */
function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /[\s,;:(]/.test(text[end - 1])) end--;
  const span = text.slice(start, end);
  if (text[end] === ')' && span.split('(').length > span.split(')').length) end++;
  return end;
}
