/**
 * Laboratory results → LB: a test name (data/labs.json, CT LBTESTCD/LBTEST) followed by a numeric value, with the
 * unit, reference range and flag when written: "Hemoglobin 10.2 g/dL (12.0-16.0) L", "potassium of 5.8 (H)",
 * "A1c was 7.2%", "Na 140, K 4.1, Cr 1.0".
 *
 * LBORRES is the value as written (with "<" / ">" when present), LBORRESU the unit as its CT submission value
 * (mg/dL, g/dL, mmol/L, 10^9/L ...), LBORNRLO/LBORNRHI the written range, LBNRIND the written flag (H → HIGH,
 * L → LOW, abnormal → ABNORMAL) or, when only a range is written, the comparison of the value with it.
 */
import type { ExtractedFinding } from './contract.ts';
import { makeFinding } from './finding.ts';
import type { LabEntry } from './lexicons.ts';
import { type Note, claim, overlapsClaim } from './note.ts';
import type { PhraseMatch } from './phrase-trie.ts';

const UNIT_SRC = String.raw`mg\/dl|mg\/l|g\/dl|g\/l|mmol\/l|meq\/l|umol\/l|µmol\/l|μmol\/l|nmol\/l|pmol\/l|iu\/l|u\/l|miu\/l|miu\/ml|uiu\/ml|µiu\/ml|μiu\/ml|ng\/ml|ng\/dl|ng\/l|pg\/ml|mcg\/dl|ug\/dl|µg\/dl|mcg\/l|k\/ul|k\/µl|k\/mm3|x\s?10\^?3\/ul|x\s?10\^?3\/mm3|x\s?10\^?9\/l|x\s?10\^?12\/l|10\^9\/l|10\^3\/ul|10\^12\/l|thou\/ul|thou\/mcl|m\/ul|mil\/ul|\/ul|\/mm3|cells\/ul|cells\/mm3|fl|pg|%|seconds|secs?|mm\/hr?|ml\/min(?:\/1\.73\s?m(?:2|²|\^2))?|mg\/g|mosm\/kg|ratio|percent`;

/** Bounded pieces so the sticky expression cannot backtrack badly. */
const VALUE_RE = new RegExp(
  String.raw`[ \t]{0,3}(?:\((?:[a-z]{1,12})\)[ \t]{0,2})?(?:(?:level|levels|value|count|concentration|result|results|measurement)[ \t]{0,3})?` +
    String.raw`(?:(?:of|is|was|were|at|=|:|-|–|came back|came back at|returned|measured|measured at|now|today|on admission|on arrival|increased to|decreased to|elevated at|up to|down to|improved to|from)[ \t]{0,3}){0,3}` +
    String.raw`(<=?|>=?|≤|≥|less than|greater than)?[ \t]{0,2}(\d{1,6}(?:,\d{3})?(?:\.\d{1,3})?)(?![\d/])(?!\.\d)` +
    String.raw`(?:[ \t]{0,2}(${UNIT_SRC})(?![a-z]))?` +
    String.raw`(?:[ \t]{0,2}[(\[][ \t]{0,2}(?:(?:normal|nl|ref(?:erence)?(?:[ \t]range)?|range|reference range)[ \t]{0,2}:?[ \t]{0,2})?(\d{1,6}(?:\.\d{1,3})?)[ \t]{0,2}(?:-|–|to)[ \t]{0,2}(\d{1,6}(?:\.\d{1,3})?)[ \t]{0,2}(?:${UNIT_SRC})?[ \t]{0,2}[)\]])?` +
    String.raw`(?:[ \t]{0,2}(?:\(|\[)?[ \t]{0,1}(HH|LL|H|L|high|low|critical(?:ly)? (?:high|low)|critical|abnormal)(?![a-z])\)?\]?)?`,
  'diy',
);
/** A number followed by one of these is not a lab value ("hemoglobin 3 months ago", "potassium 20 mg"). */
const NOT_VALUE_AFTER =
  /^[ \t]{0,2}(?:(?:to|-|–)[ \t]?\d|(?:times|x)[ \t](?:a|per)|days?|weeks?|months?|years?|hours?|hrs?|minutes?|mins?|am|pm|times|x\b|tablets?|tabs?|capsules?|mg\b|mcg\b|units?\b|meq\b(?!\/)|g\b(?!\/)|ml\b(?!\/)|cc\b|o'?clock|percentile|point|-year|-day|\/\d)/i;

const UNIT_CT: [RegExp, string][] = [
  [/^mg\/dl$/i, 'mg/dL'],
  [/^mg\/l$/i, 'mg/L'],
  [/^g\/dl$/i, 'g/dL'],
  [/^g\/l$/i, 'g/L'],
  [/^mmol\/l$/i, 'mmol/L'],
  [/^meq\/l$/i, 'mEq/L'],
  [/^[uµμ]mol\/l$/i, 'umol/L'],
  [/^nmol\/l$/i, 'nmol/L'],
  [/^pmol\/l$/i, 'pmol/L'],
  [/^iu\/l$/i, 'IU/L'],
  [/^u\/l$/i, 'U/L'],
  [/^(miu\/l|[uµμ]iu\/ml)$/i, 'mIU/L'],
  [/^miu\/ml$/i, 'IU/L'],
  [/^(ng\/ml|mcg\/l)$/i, 'ug/L'],
  [/^ng\/dl$/i, 'ng/dL'],
  [/^(ng\/l|pg\/ml)$/i, 'ng/L'],
  [/^(mcg|ug|µg)\/dl$/i, 'ug/dL'],
  [
    /^(k\/[uµ]l|k\/mm3|x\s?10\^?3\/ul|x\s?10\^?3\/mm3|x\s?10\^?9\/l|10\^9\/l|10\^3\/ul|thou\/ul|thou\/mcl)$/i,
    '10^9/L',
  ],
  [/^(x\s?10\^?12\/l|10\^12\/l|m\/ul|mil\/ul)$/i, '10^12/L'],
  [/^(\/ul|\/mm3|cells\/ul|cells\/mm3)$/i, '10^6/L'],
  [/^fl$/i, 'fL'],
  [/^pg$/i, 'pg'],
  [/^(%|percent)$/i, '%'],
  [/^(seconds|secs?)$/i, 's'],
  [/^mm\/hr?$/i, 'mm/h'],
  [/^ml\/min\/1\.73\s?m(2|²|\^2)$/i, 'mL/min/1.73 m2'],
  [/^ml\/min$/i, 'mL/min'],
  [/^mosm\/kg$/i, 'mOsm/kg'],
  [/^ratio$/i, 'RATIO'],
];

function ctUnit(written: string): string {
  for (const [re, ct] of UNIT_CT) if (re.test(written)) return ct;
  return written;
}

const FLAG: Record<string, string> = {
  h: 'HIGH',
  hh: 'HIGH',
  high: 'HIGH',
  l: 'LOW',
  ll: 'LOW',
  low: 'LOW',
  abnormal: 'ABNORMAL',
  critical: 'ABNORMAL',
};

function flagToNrind(flag: string): string | undefined {
  const f = flag.toLowerCase();
  if (f.includes('high')) return 'HIGH';
  if (f.includes('low')) return 'LOW';
  return FLAG[f];
}

interface LabValue {
  comparator?: string;
  value: string;
  unit?: string;
  lo?: string;
  hi?: string;
  flag?: string;
  end: number;
}

/** Reads the value after a test name ending at `offset`, or undefined. */
export function readLabValue(text: string, offset: number): LabValue | undefined {
  VALUE_RE.lastIndex = offset;
  const m = VALUE_RE.exec(text);
  if (!m) return undefined;
  const afterValue = m.indices![2][1];
  if (!m[3] && NOT_VALUE_AFTER.test(text.slice(afterValue, afterValue + 12))) return undefined;
  if (!m[3] && /^[a-z]/i.test(text.slice(afterValue, afterValue + 1))) return undefined;
  const comparator = m[1] ? m[1].replace(/less than/i, '<').replace(/greater than/i, '>') : undefined;
  let end = m.index + m[0].length;
  while (end > offset && /\s/.test(text[end - 1])) end--;
  return { comparator, value: m[2].replace(/,/g, ''), unit: m[3], lo: m[4], hi: m[5], flag: m[6], end };
}

export function labIsViable(note: Note, m: PhraseMatch<LabEntry>): boolean {
  return readLabValue(note.text, m.end) !== undefined;
}

export function extractLabs(note: Note, labs: PhraseMatch<LabEntry>[]): ExtractedFinding[] {
  const findings: ExtractedFinding[] = [];
  for (const m of labs) {
    if (/\bnon[\s-]?$/i.test(note.text.slice(Math.max(0, m.start - 5), m.start))) continue; // "non-HDL"
    const v = readLabValue(note.text, m.end);
    if (!v || overlapsClaim(note, m.start, v.end)) continue;
    let nrind = v.flag ? flagToNrind(v.flag) : undefined;
    const num = Number(v.value);
    if (!nrind && v.lo !== undefined && v.hi !== undefined && !v.comparator) {
      nrind = num < Number(v.lo) ? 'LOW' : num > Number(v.hi) ? 'HIGH' : 'NORMAL';
    }
    findings.push(
      makeFinding(note, {
        kind: 'lab',
        domain: 'LB',
        variables: {
          LBTESTCD: m.value.code,
          LBTEST: m.value.test,
          LBORRES: `${v.comparator ?? ''}${v.value}`,
          LBORRESU: v.unit ? ctUnit(v.unit) : undefined,
          LBORNRLO: v.lo,
          LBORNRHI: v.hi,
          LBNRIND: nrind,
        },
        start: m.start,
        end: v.end,
        confidence: v.unit ? 0.9 : 0.8,
      }),
    );
    claim(note, m.start, v.end);
  }
  return findings;
}
