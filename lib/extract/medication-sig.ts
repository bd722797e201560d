/**
 * Parses the dosing instructions ("sig") written after a drug name — "10 mg p.o. daily", "325 mg oral tablet",
 * "2 puffs inhaled q.4-6h. p.r.n." — into CDISC CM variables with CT values. Only what is written is returned,
 * with one documented derivation: a dose form that leaves no doubt gives the route (tablet → ORAL, inhaler or puffs →
 * RESPIRATORY (INHALATION), intrauterine system → INTRAUTERINE; ct-maps.ts `routeOfForm`). No dose is computed from
 * a count and a strength. A strength per mL ("70 unt/ml") is the dose only when no other amount is written and the
 * unit has a CT value (U/mL, IU/mL, mEq/mL; CDISC UNIT has no mg/mL).
 *
 * The parser looks at a short window (bounded by the caller: the next drug, the end of the sentence) and takes the
 * first dose, route, frequency and form it finds; the finding's span ends after the last element found.
 */
import { doseCountUnit, doseForm, doseUnit, frequency, route, routeOfForm } from './ct-maps.ts';
import { codelist } from '../sdtm/standards/controlled-terminology.ts';

export interface Sig {
  dose?: number;
  doseUnit?: string;
  route?: string;
  frequency?: string;
  prn?: boolean;
  form?: string;
  /** The route was derived from the dose form or a count unit, not written. */
  routeFromForm?: boolean;
  /** Offset (in the window) just after the last element recognised; 0 when nothing was found. */
  end: number;
}

const CT_FREQ = new Set(codelist('FREQ')!.terms.map((t) => t.submissionValue));

const NUM = String.raw`(?<![\d/.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|\.\d+)`;
const WORD_NUM: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  half: 0.5,
  '1/2': 0.5,
  '½': 0.5,
};

const DOSE_RE = new RegExp(
  NUM +
    String.raw`\s?(mg\/kg|mcg\/kg|ug\/kg|mg\/day|mg\/d|mg\/hr?|mcg\/hr?|ml\/hr?|cc\/hr?|milligrams?|micrograms?|milliliters?|millilitres?|international units?|units?|unt|mgs?|mcgs?|µg|μg|ug|grams?|gms?|gm|g|mls?|cc|iu|meq|mmol|liters?|%)(?![a-z])`,
  'gi',
);
const CONCENTRATION_RE = /^\s?\/\s?(ml|l|actuat|hr|h)\b/i;
/** Concentrations with a CDISC UNIT value. */
const CONCENTRATION_UNITS = new Set(['U', 'IU', 'mEq']);
/** "3 days per week", "2 times a week": N TIMES PER WEEK (CT has 1–7). */
const PER_WEEK_RE =
  /(?<![\w.])([1-7]|one|two|three|four|five|six|seven)\s(?:days?|times)\s(?:a|per|each|every)\sweek\b/gi;
const COUNT_RE = new RegExp(
  String.raw`(?<![\w.])(\d+(?:\.\d+)?|one|two|three|four|five|six|half|1\/2|½)(\s?(?:-|to)\s?(?:\d+|two|three))?\s?(tablets?|tabs?|pills?|capsules?|caps?|puffs?|drops?|gtts?|sprays?|patch(?:es)?|suppositor(?:y|ies)|packets?|actuations?|applications?)\b`,
  'gi',
);
const ROUTE_RE =
  /\b(p\.?\s?o\.?(?:\s?\/\s?ng)?|by mouth|per mouth|orally|oral|per os|i\.?\s?v\.?(?:\s?(?:push|piggyback|drip|bolus))?|ivpb|intravenous(?:ly)?|s\.?\s?q\.?|sub-?q|subcut(?:aneous(?:ly)?)?|subcu|intramuscular(?:ly)?|topical(?:ly)?|transdermal(?:ly)?|inhaled|by inhalation|via inhalation|inhalation|nebulized|via nebulizer|by nebulizer|sublingual(?:ly)?|under the tongue|per rectum|rectally|vaginally|per vagina|intranasal(?:ly)?|nasally|each nostril|per nostril|in each eye|in both eyes|per ng(?: tube)?|via ng(?: tube)?|per (?:peg|g-?tube|tube)|via (?:peg|g-?tube|tube)|epidural(?:ly)?|intrathecal(?:ly)?|intradermal(?:ly)?)(?![a-z])/gi;
/** Short route abbreviations that are also words: only in capitals. */
const ROUTE_UPPER_RE = /\b(IM|SC|SL|PR|NG|OU|OD|OS|IV|PO|SQ)\b/g;
const INTERVAL_RE =
  /\b(?:q\.?\s?(\d{1,2})(\s?-\s?\d{1,2})?\s?(?:h|hr|hrs|hours?)\b\.?|every\s(\d{1,2})(\s?(?:-|to)\s?\d{1,2})?\s(?:hours?|hrs?)\b)/gi;
const FREQ_RE =
  /(?<![a-z])(b\.?\s?i\.?\s?d\.?|t\.?\s?i\.?\s?d\.?|q\.?\s?i\.?\s?d\.?|q\.?\s?h\.?\s?s\.?|q\.?\s?a\.?\s?m\.?|q\.?\s?p\.?\s?m\.?|q\.?\s?o\.?\s?d\.?|q\.?\s?d\.?|qday|qdaily|(?:once|one time|1 time|twice|two times|2 times|three times|3 times|thrice|four times|4 times)\s(?:a|per|each|every)\s(?:day|week|month)|(?:once|one time|twice|two times|three times|thrice|four times)\sdaily|once weekly|once monthly|every other (?:day|week)|every (?:day|morning|evening|night|week|month)|each (?:day|morning|evening|night|week)|in the (?:morning|evening)|at (?:bedtime|night|hs)|before bed(?:time)?|nightly|nighttime|daily|weekly|biweekly|monthly|per day|a day|\/day|h\.?\s?s\.?|bd)(?![a-z])/gi;
const PRN_RE =
  /(?<![a-z])(p\.?\s?r\.?\s?n\.?|as needed|as necessary|when needed|if needed|as required)(?![a-z])/gi;
const FORM_RE =
  /\b(vaginal (?:ring|system)|(?:extended|delayed|sustained) release (?:oral )?(?:tablets?|capsules?)|(?:er|xr|xl|sr|dr|ec) (?:tablets?|capsules?)|chewable tablets?|orally disintegrating tablets?|oral (?:tablets?|capsules?|solution|suspension)|tablets?|tabs?|capsules?|caps?|solution|suspension|injectable (?:solution|suspension)|injection|cream|ointment|gel|lotion|transdermal (?:patch|system)|patch(?:es)?|metered dose inhaler|dry powder inhaler|inhaler|mdi|hfa|nasal spray|spray|eye drops|ear drops|drops|suppositor(?:y|ies)|syrup|elixir|lozenges?|powder|enema|prefilled syringe|pen injector|auto-injector|nebulizer solution|intrauterine (?:system|device)|vaginal ring|drug implant|implant|odt)\b/gi;

function firstMatch(re: RegExp, text: string): RegExpExecArray | null {
  re.lastIndex = 0;
  return re.exec(text);
}

function parseNumber(s: string): number | undefined {
  const w = WORD_NUM[s.toLowerCase()];
  if (w !== undefined) return w;
  const n = Number(s.replace(/,/g, ''));
  return Number.isFinite(n) ? n : undefined;
}

function intervalFrequency(m: RegExpExecArray): string | undefined {
  const hours = m[1] ?? m[3];
  const range = m[2] ?? m[4];
  if (range) return undefined; // "q4-6h": no single CT value, do not guess
  const value = `Q${Number(hours)}H`;
  return CT_FREQ.has(value) ? value : undefined;
}

/** Text allowed between two sig elements (and between the name and the first one). */
const GAP_OK =
  /^(?:[\s,.:()#/*-]|\d|\b(?:of|by|per|via|at|in|the|a|an|to|take|takes|taking|give|given|one|two|three|four|then|times?|dose|doses|x|[A-Z]{1,3}|units?|sig|every|each|daily|usual|now|currently|total|strength|tabs?|tablets?|caps?|capsules?|puffs?|pills?|mg|mcg|ml|mL|g|unt|UNT|MG|ML|meq|actuat|ACTUAT|hr|HR|route|dosage|Dosage|directions|Directions|Sig|SIG|Take|Takes|refills?|Refills?)\b)*$/;

interface Element {
  start: number;
  end: number;
  apply: (sig: Sig) => void;
}

/** Parses `window` (the text right after a drug name). */
export function parseSig(window: string): Sig {
  const elements: Element[] = [];
  const add = (m: RegExpExecArray, apply: (sig: Sig) => void) =>
    elements.push({ start: m.index, end: m.index + m[0].length, apply });

  let concentration: { m: RegExpExecArray; dose: number; unit: string; length: number } | undefined;
  let plainDose = false;
  for (let m = firstMatch(DOSE_RE, window); m; m = DOSE_RE.exec(window)) {
    const unit = doseUnit(m[2]);
    const dose = parseNumber(m[1]);
    const per = CONCENTRATION_RE.exec(window.slice(m.index + m[0].length));
    if (per) {
      // "5 mg/mL" is a strength; "70 unt/ml" can stand for the dose when nothing else is written.
      if (
        !concentration &&
        unit &&
        CONCENTRATION_UNITS.has(unit) &&
        dose !== undefined &&
        /^ml$/i.test(per[1])
      )
        concentration = { m, dose, unit: `${unit}/mL`, length: m[0].length + per[0].length };
      continue;
    }
    if (unit && dose !== undefined) {
      plainDose = true;
      add(m, (sig) => {
        sig.dose = dose;
        sig.doseUnit = unit;
      });
      break;
    }
  }
  if (concentration && !plainDose) {
    const c = concentration;
    elements.push({
      start: c.m.index,
      end: c.m.index + c.length,
      apply: (sig) => {
        sig.dose ??= c.dose;
        if (sig.dose === c.dose) sig.doseUnit ??= c.unit;
      },
    });
  }
  const count = firstMatch(COUNT_RE, window);
  if (count) {
    const n = parseNumber(count[1]);
    const unit = doseCountUnit(count[3]);
    add(count, (sig) => {
      // A count is the dose only when no strength was written; "1-2 tablets" is a range: no single dose.
      if (sig.dose === undefined && count[2] === undefined && n !== undefined && unit) {
        sig.dose = n;
        sig.doseUnit = unit;
      }
    });
  }
  const routes = [firstMatch(ROUTE_RE, window), firstMatch(ROUTE_UPPER_RE, window)]
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((x, y) => x.index - y.index);
  for (const r of routes) {
    const v = route(r[1].replace(/\s?\/\s?ng$/i, ''));
    if (v) {
      add(r, (sig) => (sig.route ??= v));
      break;
    }
  }
  const interval = firstMatch(INTERVAL_RE, window);
  if (interval) {
    const v = intervalFrequency(interval);
    add(interval, (sig) => {
      if (v) sig.frequency ??= v;
    });
  }
  const named = firstMatch(FREQ_RE, window);
  if (named) {
    const v = frequency(named[1]);
    if (v) add(named, (sig) => (sig.frequency ??= v));
  }
  const perWeek = firstMatch(PER_WEEK_RE, window);
  if (perWeek) {
    const n = parseNumber(perWeek[1]) ?? Number(perWeek[1]);
    const v = n === 1 ? '1 TIME PER WEEK' : `${n} TIMES PER WEEK`;
    if (CT_FREQ.has(v)) add(perWeek, (sig) => (sig.frequency ??= v));
  }
  const prn = firstMatch(PRN_RE, window);
  if (prn) add(prn, (sig) => (sig.prn = true));
  const form = firstMatch(FORM_RE, window);
  if (form) {
    const v = doseForm(
      form[1].replace(/\b(er|xr|xl|sr)\b/i, 'extended release').replace(/\b(dr|ec)\b/i, 'delayed release'),
    );
    if (v) add(form, (sig) => (sig.form ??= v));
  }

  // Keep elements while they are contiguous: only filler ("of", "by", "1", ",") between them.
  elements.sort((a, b) => a.start - b.start || b.end - a.end);
  const sig: Sig = { end: 0 };
  let cursor = 0;
  let countUnit: string | undefined;
  if (count) {
    const unit = doseCountUnit(count[3]);
    if (unit) elements.push({ start: count.index, end: count.index, apply: () => (countUnit = unit) });
    elements.sort((a, b) => a.start - b.start || b.end - a.end);
  }
  for (const e of elements) {
    // Overlapping elements ("oral tablet" = route + form) are contiguous by definition.
    if (e.start >= cursor && !GAP_OK.test(window.slice(cursor, e.start))) break;
    e.apply(sig);
    cursor = Math.max(cursor, e.end);
  }
  sig.end = cursor;
  if (sig.route === undefined) {
    const derived = routeOfForm(sig.form, countUnit);
    if (derived) {
      sig.route = derived;
      sig.routeFromForm = true;
    }
  }
  return sig;
}

/** A route written just before the drug name: "IV Toradol", "oral ciprofloxacin", "subcu heparin". */
const PRE_ROUTE_RE =
  /(?:^|[^\w])(IV|PO|IM|SC|SQ|i\.v\.|p\.o\.|intravenous|oral|subcu|subcutaneous|sublingual|topical|inhaled|intramuscular|nebulized)\s{1,2}$/i;

export function parsePreRoute(before: string): { route: string; length: number } | undefined {
  const m = PRE_ROUTE_RE.exec(before.slice(-20));
  if (!m) return undefined;
  const v = route(m[1]);
  return v ? { route: v, length: m[0].length - m[0].indexOf(m[1]) } : undefined;
}

/** A dose written just before the drug name: "81 mg aspirin", "1 gram of Ancef", "0.25% Marcaine". */
const PRE_DOSE_RE = new RegExp(
  NUM +
    String.raw`\s?(mg|mcg|ug|g|gm|grams?|units?|ml|cc|%|meq)\s(?:of\s)?(?:(?:plain|additional|preservative-free|IV|oral|intravenous)\s)?$`,
  'i',
);

export function parsePreDose(before: string): { dose: number; doseUnit: string; length: number } | undefined {
  const m = PRE_DOSE_RE.exec(before.slice(-28));
  if (!m) return undefined;
  const dose = parseNumber(m[1]);
  const unit = doseUnit(m[2]);
  return dose !== undefined && unit ? { dose, doseUnit: unit, length: m[0].length } : undefined;
}
