/**
 * Matching and scoring of extractor findings against the hand-annotated gold of bench/extract-dev
 * (definitions in GUIDELINES.md, "How the scorer matches"). Pure functions, no I/O.
 */
import type { AssertionValue, ExtractedFinding } from '../../lib/extract/contract.ts';

// ---------------------------------------------------------------------------------------------------------------
// Gold format
// ---------------------------------------------------------------------------------------------------------------

export const VITAL_TESTCDS = [
  'SYSBP',
  'DIABP',
  'PULSE',
  'RESP',
  'TEMP',
  'OXYSAT',
  'WEIGHT',
  'HEIGHT',
  'BMI',
] as const;
export type VitalTestcd = (typeof VITAL_TESTCDS)[number];
export const ASSERTIONS: AssertionValue[] = [
  'present',
  'negated',
  'possible',
  'historical',
  'family',
  'hypothetical',
];

interface GoldBase {
  id: string;
  start: number;
  end: number;
  text: string;
}
export interface GoldVital extends GoldBase {
  category: 'vital';
  testcd: VitalTestcd;
  value: number;
  unit: string;
}
export interface GoldMedication extends GoldBase {
  category: 'medication';
  name: string;
  ingredient?: string;
  aliases?: string[];
  dose?: number;
  unit?: string;
  doseAlternatives?: { dose: number; unit: string }[];
  route?: string;
  frequency?: string;
  frequencyAlternatives?: string[];
}
export interface GoldAllergy extends GoldBase {
  category: 'allergy';
  substance: string;
  negated: boolean;
  reaction?: string;
  aliases?: string[];
}
export interface GoldCondition extends GoldBase {
  category: 'condition';
  assertion: AssertionValue;
}
export type GoldAnnotation = GoldVital | GoldMedication | GoldAllergy | GoldCondition;
export interface GoldDocument {
  id: string;
  source: { file: string; record: string; licence: string };
  annotations: GoldAnnotation[];
}

// ---------------------------------------------------------------------------------------------------------------
// Generic one-to-one matching
// ---------------------------------------------------------------------------------------------------------------

export interface Span {
  start: number;
  end: number;
}

export function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** 0 when the spans overlap, else the number of characters between them. */
export function spanDistance(a: Span, b: Span): number {
  if (overlap(a, b) > 0) return 0;
  return a.end <= b.start ? b.start - a.end : a.start - b.end;
}

/**
 * Maximum-cardinality one-to-one matching (Kuhn's augmenting paths). `compatible(g, s)` returns a preference cost
 * (lower is better) or null when the pair is not allowed; candidates are tried cheapest first, so among matchings
 * of maximum size the result favours close pairs. Returns pairs as [goldIndex, systemIndex].
 */
export function maxMatching<G, S>(
  gold: G[],
  sys: S[],
  compatible: (g: G, s: S) => number | null,
): [number, number][] {
  const adj: number[][] = gold.map((g) =>
    sys
      .map((s, j) => [j, compatible(g, s)] as const)
      .filter((x): x is readonly [number, number] => x[1] !== null)
      .sort((a, b) => a[1] - b[1] || a[0] - b[0])
      .map(([j]) => j),
  );
  const sysOwner = new Array<number>(sys.length).fill(-1);
  const tryAssign = (i: number, seen: boolean[]): boolean => {
    for (const j of adj[i]) {
      if (seen[j]) continue;
      seen[j] = true;
      if (sysOwner[j] === -1 || tryAssign(sysOwner[j], seen)) {
        sysOwner[j] = i;
        return true;
      }
    }
    return false;
  };
  // Gold items with fewer candidates first: keeps the greedy first pass close to the final answer.
  const order = gold.map((_, i) => i).sort((a, b) => adj[a].length - adj[b].length || a - b);
  for (const i of order) tryAssign(i, new Array<boolean>(sys.length).fill(false));
  const pairs: [number, number][] = [];
  sysOwner.forEach((i, j) => {
    if (i >= 0) pairs.push([i, j]);
  });
  return pairs.sort((a, b) => a[0] - b[0]);
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export interface Prf extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export function prf({ tp, fp, fn }: Counts): Prf {
  const precision = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
  const recall = tp + fn === 0 ? (fp === 0 ? 1 : 0) : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

// ---------------------------------------------------------------------------------------------------------------
// System findings mapped to categories
// ---------------------------------------------------------------------------------------------------------------

function str(v: string | number | undefined): string | undefined {
  return v === undefined || v === null ? undefined : String(v);
}

function num(v: string | number | undefined): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  const m = /-?\d+(?:\.\d+)?/.exec(v.replace(/,/g, ''));
  return m ? Number(m[0]) : undefined;
}

export function isAllergyFinding(f: ExtractedFinding): boolean {
  return f.kind === 'allergy' || /ALLERG/i.test(str(f.variables?.MHCAT) ?? '');
}
export function isVitalFinding(f: ExtractedFinding): boolean {
  return f.kind === 'vital_sign' || f.domain === 'VS';
}
export function isMedicationFinding(f: ExtractedFinding): boolean {
  return (f.kind === 'medication' || f.domain === 'CM') && !isAllergyFinding(f);
}
export function isConditionFinding(f: ExtractedFinding): boolean {
  return (f.kind === 'condition' || f.kind === 'symptom') && !isAllergyFinding(f);
}

// ---------------------------------------------------------------------------------------------------------------
// Vitals
// ---------------------------------------------------------------------------------------------------------------

export function normalizeTestcd(code: string | undefined): string {
  const c = (code ?? '').trim().toUpperCase();
  return c === 'HR' ? 'PULSE' : c;
}

/** Gold value converted to the SDTM standard unit of its test (C, kg, cm); other units unchanged. */
export function toStandardUnit(value: number, unit: string): number {
  const u = unit.trim().toLowerCase();
  if (u === 'f') return ((value - 32) * 5) / 9;
  if (u === 'lb' || u === 'lbs') return value * 0.45359237;
  if (u === 'in') return value * 2.54;
  return value;
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(0.05, 0.005 * Math.abs(b));
}

export function vitalMatches(g: GoldVital, f: ExtractedFinding): boolean {
  if (normalizeTestcd(str(f.variables?.VSTESTCD)) !== g.testcd) return false;
  const orres = num(f.variables?.VSORRES);
  if (orres !== undefined && close(orres, g.value)) return true;
  const stresn = num(f.variables?.VSSTRESN);
  if (stresn !== undefined && (close(stresn, toStandardUnit(g.value, g.unit)) || close(stresn, g.value)))
    return true;
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Medications
// ---------------------------------------------------------------------------------------------------------------

const DRUG_NOISE = new Set([
  'hydrochloride',
  'hcl',
  'sodium',
  'potassium',
  'calcium',
  'magnesium',
  'succinate',
  'tartrate',
  'besylate',
  'maleate',
  'hydrobromide',
  'bitartrate',
  'mesylate',
  'citrate',
  'macrocrystals',
  'ds',
  'xl',
  'er',
  'sr',
  'xr',
  'hfa',
  'inhub',
  'tablet',
  'tablets',
  'tab',
  'capsule',
  'capsules',
  'oral',
  'injection',
  'solution',
  'suspension',
  'inhaler',
  'cream',
]);

/** Strength tokens that an extractor may leave in CMTRT ("lisinopril 20 mg"). */
const DOSE_TOKEN = /^(\d+(\.\d+)?|mg|mcg|ug|g|ml|unt|units?|iu|meq)$/;

/** Lower case, punctuation to spaces, salt/form/release words and strengths dropped. Keeps "ferrous sulfate". */
export function normalizeDrugName(name: string): string {
  const words = name
    .toLowerCase()
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const kept = words.filter((w) => !DRUG_NOISE.has(w) && !DOSE_TOKEN.test(w));
  return (kept.length ? kept : words).join(' ');
}

/** The name and its parts when it is written as a combination (a/b, a + b, a and b). */
export function drugNameVariants(name: string): string[] {
  const parts = name.split(/\s*(?:\/|\+|\band\b|;)\s*/i).filter((p) => p.trim());
  return [...new Set([name, ...(parts.length > 1 ? parts : [])].map(normalizeDrugName).filter(Boolean))];
}

export function goldDrugNames(g: GoldMedication): Set<string> {
  const names = [g.name, g.ingredient, ...(g.aliases ?? [])].filter((x): x is string => !!x);
  return new Set(names.flatMap(drugNameVariants));
}

export function systemDrugNames(f: ExtractedFinding): string[] {
  const names = [str(f.variables?.CMTRT), str(f.variables?.CMDECOD), f.text].filter((x): x is string => !!x);
  return [...new Set(names.flatMap(drugNameVariants))];
}

export function medicationNameMatches(g: GoldMedication, f: ExtractedFinding): boolean {
  const gold = goldDrugNames(g);
  return systemDrugNames(f).some((n) => gold.has(n));
}

const UNIT_SYNONYMS: Record<string, string> = {
  mcg: 'ug',
  µg: 'ug',
  μg: 'ug',
  microgram: 'ug',
  micrograms: 'ug',
  milligram: 'mg',
  milligrams: 'mg',
  gram: 'g',
  grams: 'g',
  ml: 'ml',
  cc: 'ml',
  milliliter: 'ml',
  milliliters: 'ml',
  u: 'u',
  iu: 'u',
  unt: 'u',
  unit: 'u',
  units: 'u',
  'u/ml': 'u/ml',
  'unt/ml': 'u/ml',
  'units/ml': 'u/ml',
  'iu/ml': 'u/ml',
  tab: 'tablet',
  tabs: 'tablet',
  tablets: 'tablet',
  pill: 'tablet',
  pills: 'tablet',
  cap: 'capsule',
  caps: 'capsule',
  capsules: 'capsule',
  puffs: 'puff',
  inhalation: 'puff',
  inhalations: 'puff',
  actuation: 'puff',
  sprays: 'spray',
  drops: 'drop',
  gtt: 'drop',
  percent: '%',
};

export function normalizeDoseUnit(unit: string | undefined): string | undefined {
  if (!unit) return undefined;
  const u = unit.trim().toLowerCase().replace(/\s+/g, '');
  return UNIT_SYNONYMS[u] ?? u;
}

const ROUTE_SYNONYMS: Record<string, string> = {
  PO: 'ORAL',
  'BY MOUTH': 'ORAL',
  'PER OS': 'ORAL',
  IV: 'INTRAVENOUS',
  INTRAVENOUSLY: 'INTRAVENOUS',
  SC: 'SUBCUTANEOUS',
  SQ: 'SUBCUTANEOUS',
  SUBQ: 'SUBCUTANEOUS',
  'SUB-Q': 'SUBCUTANEOUS',
  IM: 'INTRAMUSCULAR',
  INHALATION: 'RESPIRATORY (INHALATION)',
  INHALED: 'RESPIRATORY (INHALATION)',
  RESPIRATORY: 'RESPIRATORY (INHALATION)',
  INH: 'RESPIRATORY (INHALATION)',
  INTRANASAL: 'NASAL',
  TOP: 'TOPICAL',
  INTRAVAGINAL: 'VAGINAL',
  SL: 'SUBLINGUAL',
};

export function normalizeRoute(route: string | undefined): string | undefined {
  if (!route) return undefined;
  const r = route.trim().toUpperCase().replace(/\s+/g, ' ');
  return ROUTE_SYNONYMS[r] ?? r;
}

const FREQ_SYNONYMS: Record<string, string> = {
  DAILY: 'QD',
  'ONCE DAILY': 'QD',
  'ONCE A DAY': 'QD',
  'EVERY DAY': 'QD',
  'PER DAY': 'QD',
  '/DAY': 'QD',
  QDAY: 'QD',
  Q24H: 'QD',
  'EVERY 24 HOURS': 'QD',
  BD: 'BID',
  'TWICE DAILY': 'BID',
  'TWICE A DAY': 'BID',
  'TWICE PER DAY': 'BID',
  Q12H: 'BID',
  'THREE TIMES DAILY': 'TID',
  'THREE TIMES A DAY': 'TID',
  '3 TIMES PER DAY': 'TID',
  Q8H: 'TID',
  'FOUR TIMES DAILY': 'QID',
  '4 TIMES PER DAY': 'QID',
  Q6H: 'QID',
  'AS NEEDED': 'PRN',
  'AS REQUIRED': 'PRN',
  HS: 'QHS',
  'AT BEDTIME': 'QHS',
  NIGHTLY: 'QHS',
  QN: 'QHS',
  'EVERY NIGHT': 'QHS',
  'EVERY OTHER DAY': 'QOD',
  Q2D: 'QOD',
  WEEKLY: 'EVERY WEEK',
  'ONCE WEEKLY': 'EVERY WEEK',
  QW: 'EVERY WEEK',
  QWK: 'EVERY WEEK',
  QS: 'EVERY WEEK',
  'THREE TIMES A WEEK': '3 TIMES PER WEEK',
  TIW: '3 TIMES PER WEEK',
};

/**
 * CT frequency with the lenient equivalences of GUIDELINES.md (Q24H = QD, Q12H = BID, Q8H = TID, Q6H = QID):
 * both sides go through the same map, so "Q6H" and "QID" compare equal.
 */
export function normalizeFrequency(freq: string | undefined): string | undefined {
  if (!freq) return undefined;
  const f = freq.trim().toUpperCase().replace(/\s+/g, ' ');
  return FREQ_SYNONYMS[f] ?? f;
}

export type MedicationAttribute = 'dose' | 'route' | 'frequency';

/** The gold attributes the system got wrong or left out (attributes absent from gold are ignored). */
export function medicationAttributeErrors(g: GoldMedication, f: ExtractedFinding): MedicationAttribute[] {
  const errors: MedicationAttribute[] = [];
  const v = f.variables ?? {};
  if (g.dose !== undefined) {
    const sysDose = num(v.CMDOSE);
    const sysUnit = normalizeDoseUnit(str(v.CMDOSU));
    const accepted = [{ dose: g.dose, unit: g.unit }, ...(g.doseAlternatives ?? [])];
    const ok =
      sysDose !== undefined &&
      accepted.some((a) => Math.abs(a.dose - sysDose) < 1e-9 && normalizeDoseUnit(a.unit) === sysUnit);
    if (!ok) errors.push('dose');
  }
  if (g.route !== undefined && normalizeRoute(str(v.CMROUTE)) !== normalizeRoute(g.route))
    errors.push('route');
  if (g.frequency !== undefined) {
    const sys = normalizeFrequency(str(v.CMDOSFRQ));
    const accepted = [g.frequency, ...(g.frequencyAlternatives ?? [])].map(normalizeFrequency);
    if (!sys || !accepted.includes(sys)) errors.push('frequency');
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------------------------
// Allergies
// ---------------------------------------------------------------------------------------------------------------

const NKA_RE = /\b(nkda|nka|nkma|no known (drug |medicine |medication )?allerg)/i;

export function normalizeSubstance(s: string): string {
  return s
    .toLowerCase()
    .replace(/\((substance|organism|finding|disorder)\)/g, ' ')
    .replace(/\b(allergic|allergies|allergy|to|reaction|intolerance|history of|hx of)\b/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function isNkaFinding(f: ExtractedFinding): boolean {
  const term = [str(f.variables?.MHTERM), f.text].filter(Boolean).join(' ');
  return NKA_RE.test(term);
}

export function allergyMatches(g: GoldAllergy, f: ExtractedFinding): boolean {
  const sysNegated = f.negated || f.assertion === 'negated' || isNkaFinding(f);
  if (g.negated !== sysNegated) return false;
  if (overlap(g, f) > 0) return true;
  if (g.substance === 'NKA') return isNkaFinding(f);
  const goldNames = [g.substance, ...(g.aliases ?? [])].map(normalizeSubstance).filter(Boolean);
  const sysNames = [str(f.variables?.MHTERM), str(f.variables?.MHDECOD), f.text]
    .filter((x): x is string => !!x)
    .map(normalizeSubstance)
    .filter(Boolean);
  return sysNames.some((s) => goldNames.some((gname) => s === gname || ` ${s} `.includes(` ${gname} `)));
}

// ---------------------------------------------------------------------------------------------------------------
// Conditions
// ---------------------------------------------------------------------------------------------------------------

export function isAffirmed(assertion: AssertionValue): boolean {
  return assertion === 'present' || assertion === 'historical';
}

export function systemAffirmed(f: ExtractedFinding): boolean {
  return isAffirmed(f.assertion) && !f.negated;
}

// ---------------------------------------------------------------------------------------------------------------
// Per-document scoring
// ---------------------------------------------------------------------------------------------------------------

export const CATEGORIES = [
  'vitals',
  'medicationNames',
  'medicationsFull',
  'allergies',
  'conditionsPresent',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface ErrorItem {
  start: number;
  end: number;
  text: string;
  detail?: string;
}
export interface CategoryResult extends Counts {
  falseNegatives: ErrorItem[];
  falsePositives: ErrorItem[];
}
export interface NegationResult {
  paired: number;
  correct: number;
  errors: (ErrorItem & { gold: AssertionValue; systemNegated: boolean })[];
}
export interface DocumentScore {
  id: string;
  categories: Record<Category, CategoryResult>;
  negation: NegationResult;
  /** Informational. */
  negatedConditions: Counts;
  medicationNamesAnchored: Counts;
  assertionAgreement: { paired: number; correct: number };
}

function describeFinding(f: ExtractedFinding): string {
  const vars = Object.entries(f.variables ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  return `${f.kind}/${f.assertion}${f.negated ? '/neg' : ''} ${vars}`.trim();
}

function describeGold(g: GoldAnnotation): string {
  switch (g.category) {
    case 'vital':
      return `${g.testcd}=${g.value} ${g.unit}`;
    case 'medication':
      return [
        g.ingredient ?? g.name,
        g.dose !== undefined ? `${g.dose} ${g.unit}` : '',
        g.route ?? '',
        g.frequency ?? '',
      ]
        .filter(Boolean)
        .join(' ');
    case 'allergy':
      return `${g.negated ? 'NOT ' : ''}${g.substance}${g.reaction ? ` (${g.reaction})` : ''}`;
    case 'condition':
      return g.assertion;
  }
}

function scoreCategory<G extends GoldAnnotation>(
  gold: G[],
  sys: ExtractedFinding[],
  criterion: (g: G, s: ExtractedFinding) => boolean,
  cost: (g: G, s: ExtractedFinding) => number,
  explainFp?: (s: ExtractedFinding) => string,
): CategoryResult & { pairs: [number, number][] } {
  const pairs = maxMatching(gold, sys, (g, s) => (criterion(g, s) ? cost(g, s) : null));
  const matchedGold = new Set(pairs.map(([i]) => i));
  const matchedSys = new Set(pairs.map(([, j]) => j));
  return {
    pairs,
    tp: pairs.length,
    fn: gold.length - pairs.length,
    fp: sys.length - pairs.length,
    falseNegatives: gold
      .filter((_, i) => !matchedGold.has(i))
      .map((g) => ({ start: g.start, end: g.end, text: g.text, detail: describeGold(g) })),
    falsePositives: sys
      .filter((_, j) => !matchedSys.has(j))
      .map((s) => ({ start: s.start, end: s.end, text: s.text, detail: (explainFp ?? describeFinding)(s) })),
  };
}

const byDistance = (g: Span, s: Span) => spanDistance(g, s);
const byOverlap = (g: Span, s: Span) => -overlap(g, s);

function strip<T extends CategoryResult & { pairs?: unknown }>(r: T): CategoryResult {
  const { tp, fp, fn, falseNegatives, falsePositives } = r;
  return { tp, fp, fn, falseNegatives, falsePositives };
}

export function scoreDocument(doc: GoldDocument, findings: ExtractedFinding[]): DocumentScore {
  const goldVitals = doc.annotations.filter((a): a is GoldVital => a.category === 'vital');
  const goldMeds = doc.annotations.filter((a): a is GoldMedication => a.category === 'medication');
  const goldAllergies = doc.annotations.filter((a): a is GoldAllergy => a.category === 'allergy');
  const goldConditions = doc.annotations.filter((a): a is GoldCondition => a.category === 'condition');

  const sysVitals = findings.filter(isVitalFinding);
  const sysMeds = findings.filter(isMedicationFinding);
  const sysAllergies = findings.filter(isAllergyFinding);
  const sysConditions = findings.filter(isConditionFinding);

  const vitals = scoreCategory(goldVitals, sysVitals, vitalMatches, byDistance);
  const medicationNames = scoreCategory(goldMeds, sysMeds, medicationNameMatches, byDistance);
  const medicationsFull = scoreCategory(
    goldMeds,
    sysMeds,
    (g, s) => medicationNameMatches(g, s) && medicationAttributeErrors(g, s).length === 0,
    byDistance,
  );
  // Explain full-match misses: the closest same-name system finding and which attributes differ.
  for (const fnItem of medicationsFull.falseNegatives) {
    const g = goldMeds.find((m) => m.start === fnItem.start && m.end === fnItem.end);
    if (!g) continue;
    const candidates = sysMeds
      .filter((s) => medicationNameMatches(g, s))
      .sort((a, b) => spanDistance(g, a) - spanDistance(g, b));
    const wrong = candidates.length ? medicationAttributeErrors(g, candidates[0]) : [];
    fnItem.detail += !candidates.length
      ? ' — no same-name finding'
      : wrong.length
        ? ` — nearest same-name finding wrong on: ${wrong.join(', ')} (${describeFinding(candidates[0])})`
        : ' — the same-name findings are paired with other mentions of this drug';
  }
  const medicationNamesAnchored = scoreCategory(
    goldMeds,
    sysMeds,
    (g, s) => overlap(g, s) > 0 && medicationNameMatches(g, s),
    byOverlap,
  );
  const allergies = scoreCategory(goldAllergies, sysAllergies, allergyMatches, byDistance);

  const goldAffirmed = goldConditions.filter((c) => isAffirmed(c.assertion));
  const sysAffirmed = sysConditions.filter(systemAffirmed);
  const conditionsPresent = scoreCategory(goldAffirmed, sysAffirmed, (g, s) => overlap(g, s) > 0, byOverlap);

  // Negation: pair every gold condition with any overlapping system condition, whatever the assertion.
  const anyPairs = maxMatching(goldConditions, sysConditions, (g, s) =>
    overlap(g, s) > 0 ? -overlap(g, s) : null,
  );
  const negation: NegationResult = { paired: anyPairs.length, correct: 0, errors: [] };
  let assertionCorrect = 0;
  for (const [i, j] of anyPairs) {
    const g = goldConditions[i];
    const s = sysConditions[j];
    const goldNeg = g.assertion === 'negated';
    if (goldNeg === s.negated) negation.correct++;
    else
      negation.errors.push({
        start: g.start,
        end: g.end,
        text: g.text,
        gold: g.assertion,
        systemNegated: s.negated,
      });
    if (g.assertion === s.assertion) assertionCorrect++;
  }
  const negatedConditions = strip(
    scoreCategory(
      goldConditions.filter((c) => c.assertion === 'negated'),
      sysConditions.filter((s) => s.negated),
      (g, s) => overlap(g, s) > 0,
      byOverlap,
    ),
  );

  return {
    id: doc.id,
    categories: {
      vitals: strip(vitals),
      medicationNames: strip(medicationNames),
      medicationsFull: strip(medicationsFull),
      allergies: strip(allergies),
      conditionsPresent: strip(conditionsPresent),
    },
    negation,
    negatedConditions: { tp: negatedConditions.tp, fp: negatedConditions.fp, fn: negatedConditions.fn },
    medicationNamesAnchored: {
      tp: medicationNamesAnchored.tp,
      fp: medicationNamesAnchored.fp,
      fn: medicationNamesAnchored.fn,
    },
    assertionAgreement: { paired: anyPairs.length, correct: assertionCorrect },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Corpus totals
// ---------------------------------------------------------------------------------------------------------------

export interface Targets {
  vitals: number;
  medicationNames: number;
  medicationsFull: number;
  allergies: number;
  conditionsPresent: number;
  negationAccuracy: number;
}

export const TARGETS: Targets = {
  vitals: 0.95,
  medicationNames: 0.9,
  medicationsFull: 0.8,
  allergies: 0.9,
  conditionsPresent: 0.8,
  negationAccuracy: 0.9,
};

export const CATEGORY_LABELS: Record<Category | 'negationAccuracy', string> = {
  vitals: 'Vital signs (F1)',
  medicationNames: 'Medication names (F1)',
  medicationsFull: 'Medications, dose+unit+route+frequency (F1)',
  allergies: 'Allergies (F1)',
  conditionsPresent: 'Conditions present (F1)',
  negationAccuracy: 'Negation accuracy',
};

export interface CorpusScore {
  documents: number;
  categories: Record<Category, Prf>;
  negationAccuracy: { paired: number; correct: number; accuracy: number };
  negatedConditions: Prf;
  medicationNamesAnchored: Prf;
  assertionAgreement: { paired: number; correct: number; accuracy: number };
}

const ZERO: Counts = { tp: 0, fp: 0, fn: 0 };

export function aggregate(scores: DocumentScore[]): CorpusScore {
  const categories = Object.fromEntries(
    CATEGORIES.map((c) => [c, prf(scores.reduce((acc, s) => addCounts(acc, s.categories[c]), ZERO))]),
  ) as Record<Category, Prf>;
  const paired = scores.reduce((n, s) => n + s.negation.paired, 0);
  const correct = scores.reduce((n, s) => n + s.negation.correct, 0);
  const aPaired = scores.reduce((n, s) => n + s.assertionAgreement.paired, 0);
  const aCorrect = scores.reduce((n, s) => n + s.assertionAgreement.correct, 0);
  return {
    documents: scores.length,
    categories,
    negationAccuracy: { paired, correct, accuracy: paired ? correct / paired : 0 },
    negatedConditions: prf(scores.reduce((acc, s) => addCounts(acc, s.negatedConditions), ZERO)),
    medicationNamesAnchored: prf(scores.reduce((acc, s) => addCounts(acc, s.medicationNamesAnchored), ZERO)),
    assertionAgreement: { paired: aPaired, correct: aCorrect, accuracy: aPaired ? aCorrect / aPaired : 0 },
  };
}

/** Whether every target is met. */
export function meetsTargets(score: CorpusScore, targets: Targets = TARGETS): Record<keyof Targets, boolean> {
  return {
    vitals: score.categories.vitals.f1 >= targets.vitals,
    medicationNames: score.categories.medicationNames.f1 >= targets.medicationNames,
    medicationsFull: score.categories.medicationsFull.f1 >= targets.medicationsFull,
    allergies: score.categories.allergies.f1 >= targets.allergies,
    conditionsPresent: score.categories.conditionsPresent.f1 >= targets.conditionsPresent,
    negationAccuracy: score.negationAccuracy.accuracy >= targets.negationAccuracy,
  };
}
