/**
 * Vital signs → VS. Recognises labelled values ("blood pressure 138/86", "temperature 98.6", "weight 197.7 pounds",
 * "O2 sat 98% on room air", "5'6\"", "BMI 38.5") and, next to another vital sign, terse ones ("T 98.2 P 72 R 16").
 *
 * VSORRES/VSORRESU keep the value and unit as written (the unit as its CT submission value: LB, in, F); when the
 * unit is not written VSORRESU is left out. VSSTRESN/VSSTRESC/VSSTRESU hold the value in the CDISC standard unit
 * (mmHg, beats/min, breaths/min, C, %, kg, cm, kg/m2). An unwritten temperature unit is read from the value's
 * range (an adult body temperature of 90–110 can only be °F, 30–45 only °C); an unwritten weight or height unit is
 * not guessed, so no standard value is given. Blood pressure gives two findings (SYSBP, DIABP) sharing the
 * "138/86" span.
 */
import type { ExtractedFinding } from './contract.ts';
import { makeFinding, round } from './finding.ts';
import { type Note, claim, overlapsClaim, sectionNameAt } from './note.ts';

type TestCode = 'SYSBP' | 'DIABP' | 'PULSE' | 'HR' | 'RESP' | 'TEMP' | 'OXYSAT' | 'WEIGHT' | 'HEIGHT' | 'BMI';

const VSTEST: Record<TestCode, string> = {
  SYSBP: 'Systolic Blood Pressure',
  DIABP: 'Diastolic Blood Pressure',
  PULSE: 'Pulse Rate',
  HR: 'Heart Rate',
  RESP: 'Respiratory Rate',
  TEMP: 'Temperature',
  OXYSAT: 'Oxygen Saturation',
  WEIGHT: 'Weight',
  HEIGHT: 'Height',
  BMI: 'Body Mass Index',
};

interface Reading {
  code: TestCode;
  orres: string;
  orresu?: string;
  stresn?: number;
  stresu: string;
  start: number;
  end: number;
  confidence: number;
}

/** Filler allowed between a label and its value: "was", "is", "of", ":", "today" ... (bounded: no backtracking). */
const FILL = String.raw`(?:\s{0,3}(?:[:=\-]|was|is|are|of|at|were|today|now|currently|reading|measured|noted|noted to be|to be|sitting|standing|supine|seated|lying|orthostatic|(?:right|left) arm|in (?:the )?(?:clinic|office|er|ed|emergency (?:room|department))|at (?:the )?(?:er|ed)|on arrival|on admission|max(?:imum)?|ranging|has been|been|about|around|approximately|approx\.?|in (?:the )?[a-z]{3,10}(?: today)?)){0,4}\s{0,3}`;
const NUM = String.raw`(\d{1,3}(?:\.\d{1,2})?)`;
const END = String.raw`(?![\d/])(?!\.\d)`;

const GOAL_BEFORE =
  /\b(goal|target|aim|less than|greater than|below|above|under|over|keep|maintain|<|>)\W{0,3}(?:\w+\W{1,3}){0,3}$/i;

const BP_LABELLED = new RegExp(
  String.raw`\b(?:blood\s+pressures?|b\.?\s?p\.?|nibp|bp)(?![a-z])${FILL}(\d{2,3})\s{0,2}\/\s{0,2}(\d{2,3})${END}(?:\s{0,2}(mm\s?hg))?`,
  'dgi',
);
/** One side of the pressure on its own: "a systolic BP of 116", "diastolic blood pressure 95". */
const BP_SINGLE = new RegExp(
  String.raw`(?<!(?:artery|arterial|ventricular|pulmonary|pa|rv|lv)\s{1,2})\b(systolic|diastolic)\s{1,2}(?:blood\s+pressures?|bps?|pressures?)?(?:\s{0,2}readings?)?${FILL}(\d{2,3})${END}(?:\s{0,2}(mm\s?hg))?(?!\s{0,2}(?:\/|to\s))`,
  'dgi',
);
const BP_UNIT = /(?<![\d/])(\d{2,3})\s{0,2}\/\s{0,2}(\d{2,3})\s{0,2}(mm\s?hg)\b/dgi;
const PULSE = new RegExp(
  String.raw`\b(heart\s+rate|pulse(?:\s+rate)?|hr)(?![a-z])${FILL}${NUM}${END}(?:\s{0,2}(bpm|beats\s{0,2}(?:per|\/)\s{0,2}min(?:ute)?|\/\s?min)\b)?`,
  'dgi',
);
const RESP = new RegExp(
  String.raw`\b(respiratory\s+rate|respirations?|resp(?:iratory)?(?:\s+rate)?|rr)\b${FILL}${NUM}${END}(?:\s{0,2}(breaths\s{0,2}(?:per|\/)\s{0,2}min(?:ute)?|\/\s?min)\b)?`,
  'dgi',
);
const TEMP = new RegExp(
  String.raw`\b(temperature|temp|tmax|t\s?max|tm)\b${FILL}(\d{2,3}(?:\.\d{1,2})?)${END}(?:\s{0,2}(°\s?[fc]\b|degrees?(?:\s{0,2}(?:fahrenheit|celsius|centigrade|f\b|c\b))?|[fc]\b|fahrenheit|celsius))?`,
  'dgi',
);
const SPO2 = new RegExp(
  String.raw`\b(o2\s+sat(?:uration)?s?|oxygen\s+saturations?|spo2|sao2|sp02|sats?|saturations?|saturating|pulse\s+ox(?:imetry|ygenation)?|pox|o2)\b${FILL}(\d{2,3})\s{0,2}(%|percent\b)`,
  'dgi',
);
const SPO2_UNLABELLED =
  /(?<![\d.])(\d{2,3})\s?(%|percent)\s{0,2}(?:on\s{0,2}(?:room\s+air|ra\b|\d{1,2}(?:\.\d)?\s?(?:l|liters?|lpm)\b))/dgi;
const WEIGHT = new RegExp(
  String.raw`\b(weight|wt|weighs|weighed|weighing|body\s+weight)\b${FILL}(\d{1,3}(?:,\d{3})?(?:\.\d{1,2})?|\d{4})${END}(?:\s{0,2}(kilograms?|kgs?|pounds?|lbs?|#|grams?|gms?|g|oz)\b\.?(?:,?\s{0,2}(?:and\s{1,2})?(\d{1,2}(?:\.\d)?)\s{0,2}(ounces?|oz)\b\.?)?)?`,
  'dgi',
);
/** "He is 177 pounds" / "weighing about 140 lbs": a weight without the word "weight". */
const WEIGHT_UNLABELLED =
  /\b(?:he|she|patient|pt)\s{1,2}(?:is|was|currently is)\s{1,2}(?:about\s|approximately\s)?(\d{2,3}(?:\.\d)?)\s{0,2}(pounds|lbs?|kilograms|kg)\b(?!\s{0,2}(?:overweight|over|heavier|lighter|above|below|under|more|less|down|up|ago|lost|gained|of))/dgi;
/** "5 lb increase since last visit", "10 pounds heavier": a change, not a measurement. */
const WEIGHT_AFTER_EXCLUDE =
  /^\s{0,2}(?:increase|decrease|gain|loss|weight\s+(?:gain|loss)|heavier|lighter|more|less|up|down|over|under|since|change|drop|lost|gained)\b/i;
const WEIGHT_BEFORE_EXCLUDE =
  /\b(ideal|goal|target|desired|excess|birth|lost|lose|losing|gained|gain|gaining|loss|dry|usual|previous|prior|pre-?pregnancy|estimated fetal)\s{0,3}(?:body\s+)?$/i;
const HEIGHT_FT_IN = new RegExp(
  String.raw`\b(?:(height|ht)\b${FILL})?(\d)\s{0,2}(?:'|′|’|ft\.?|feet|foot)\s{0,2}(?:,\s{0,2})?(\d{1,2}(?:\.\d)?)\s{0,2}("|″|”|''|inch(?:es)?|in\b\.?)?(\s{0,2}tall)?`,
  'dgi',
);
const HEIGHT_METRIC = new RegExp(
  String.raw`\b(height|ht)\b${FILL}(\d{1,3}(?:\.\d{1,2})?)\s{0,2}(cm|centimeters?|inch(?:es)?|in\b\.?|m|meters?)\b`,
  'dgi',
);
const BMI = new RegExp(
  String.raw`\b(bmi|body\s+mass\s+index)\b${FILL}(\d{2}(?:\.\d{1,2})?)${END}(?:\s{0,2}(kg\s?\/\s?m2|kg\s?\/\s?m\^2|kg\s?\/\s?m²|kg\/m\s?sq))?`,
  'dgi',
);
/** Terse single-letter labels, accepted only next to another vital sign: "T 98.6 P 72 R 16". */
const TERSE = /\b([TPR])\s{0,2}[:=]?\s{0,2}(\d{2,3}(?:\.\d)?)(?![\d./%])/dg;

const WEIGHT_UNITS: Record<string, [string, number]> = {
  kg: ['kg', 1],
  kgs: ['kg', 1],
  kilogram: ['kg', 1],
  kilograms: ['kg', 1],
  lb: ['LB', 0.45359237],
  lbs: ['LB', 0.45359237],
  pound: ['LB', 0.45359237],
  pounds: ['LB', 0.45359237],
  '#': ['LB', 0.45359237],
  g: ['g', 0.001],
  gm: ['g', 0.001],
  gms: ['g', 0.001],
  gram: ['g', 0.001],
  grams: ['g', 0.001],
  oz: ['oz', 0.028349523125],
};

/** Span from the start of group `value` to the end of group `unit` (or of the value when no unit was written). */
function valueSpan(m: RegExpExecArray, value: number, unit: number): [number, number] {
  const idx = m.indices!;
  return [idx[value][0], (idx[unit] ?? idx[value])[1]];
}

function temperature(
  orres: string,
  written: string | undefined,
): Omit<Reading, 'start' | 'end' | 'confidence' | 'code'> | undefined {
  const v = Number(orres);
  const unit = written
    ? /c/i.test(written.replace(/degrees?/i, ''))
      ? 'C'
      : /f/i.test(written)
        ? 'F'
        : undefined
    : undefined;
  const inferred = v >= 90 && v <= 110 ? 'F' : v >= 30 && v <= 45 ? 'C' : undefined;
  const u = unit ?? inferred;
  if (!u || (u === 'F' && (v < 85 || v > 112)) || (u === 'C' && (v < 28 || v > 45))) return undefined;
  return {
    orres,
    orresu: unit,
    stresn: u === 'F' ? round(((v - 32) * 5) / 9, 2) : v,
    stresu: 'C',
  };
}

/** Collects readings from all patterns (before overlap resolution). */
function collect(text: string): Reading[] {
  const out: Reading[] = [];
  const goalBefore = (i: number) => GOAL_BEFORE.test(text.slice(Math.max(0, i - 30), i));
  const each = (re: RegExp, fn: (m: RegExpExecArray) => void) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) fn(m);
  };
  const bp = (m: RegExpExecArray, unitGroup: number, confidence: number) => {
    const sys = Number(m[1]);
    const dia = Number(m[2]);
    if (sys < 50 || sys > 300 || dia < 20 || dia > 200 || sys <= dia) return;
    if (goalBefore(m.index)) return;
    const start = m.indices![1][0];
    const end = m.indices![2][1];
    const orresu = m[unitGroup] ? 'mmHg' : undefined;
    out.push({ code: 'SYSBP', orres: m[1], orresu, stresn: sys, stresu: 'mmHg', start, end, confidence });
    out.push({ code: 'DIABP', orres: m[2], orresu, stresn: dia, stresu: 'mmHg', start, end, confidence });
  };
  each(BP_LABELLED, (m) => bp(m, 3, m[3] ? 0.97 : 0.95));
  each(BP_UNIT, (m) => bp(m, 3, 0.9));
  each(BP_SINGLE, (m) => {
    const v = Number(m[2]);
    const systolic = m[1].toLowerCase() === 'systolic';
    if (systolic ? v < 50 || v > 300 : v < 20 || v > 200) return;
    if (goalBefore(m.index)) return;
    const [start, end] = valueSpan(m, 2, 3);
    const code: TestCode = systolic ? 'SYSBP' : 'DIABP';
    const orresu = m[3] ? 'mmHg' : undefined;
    out.push({ code, orres: m[2], orresu, stresn: v, stresu: 'mmHg', start, end, confidence: 0.85 });
  });
  each(PULSE, (m) => {
    const v = Number(m[2]);
    if (v < 20 || v > 250 || goalBefore(m.index) || m[1] === 'hr' || m[1] === 'Hr') return;
    const code: TestCode = /pulse/i.test(m[1]) ? 'PULSE' : 'HR';
    const [start, end] = valueSpan(m, 2, 3);
    out.push({
      code,
      orres: m[2],
      orresu: m[3] ? 'beats/min' : undefined,
      stresn: v,
      stresu: 'beats/min',
      start,
      end,
      confidence: 0.93,
    });
  });
  each(RESP, (m) => {
    const v = Number(m[2]);
    if (v < 4 || v > 80 || m[1] === 'rr') return;
    const [start, end] = valueSpan(m, 2, 3);
    out.push({
      code: 'RESP',
      orres: m[2],
      orresu: m[3] ? 'breaths/min' : undefined,
      stresn: v,
      stresu: 'breaths/min',
      start,
      end,
      confidence: 0.92,
    });
  });
  each(TEMP, (m) => {
    const t = temperature(m[2], m[3]);
    if (!t) return;
    const [start, end] = valueSpan(m, 2, 3);
    out.push({ code: 'TEMP', ...t, start, end, confidence: m[3] ? 0.95 : 0.9 });
  });
  each(SPO2, (m) => {
    const v = Number(m[2]);
    if (v < 50 || v > 100) return;
    const [start, end] = valueSpan(m, 2, 3);
    out.push({
      code: 'OXYSAT',
      orres: m[2],
      orresu: '%',
      stresn: v,
      stresu: '%',
      start,
      end,
      confidence: 0.93,
    });
  });
  each(SPO2_UNLABELLED, (m) => {
    const v = Number(m[1]);
    if (v < 50 || v > 100) return;
    const [start, end] = valueSpan(m, 1, 2);
    out.push({
      code: 'OXYSAT',
      orres: m[1],
      orresu: '%',
      stresn: v,
      stresu: '%',
      start,
      end,
      confidence: 0.85,
    });
  });
  each(WEIGHT, (m) => {
    if (WEIGHT_BEFORE_EXCLUDE.test(text.slice(Math.max(0, m.index - 25), m.index))) return;
    const orres = m[2].replace(/,/g, '');
    const v = Number(orres);
    const unit = m[3] ? WEIGHT_UNITS[m[3].toLowerCase().replace(/\.$/, '')] : undefined;
    if (m[3] && !unit) return;
    const ounces = m[4] !== undefined && unit?.[0] === 'LB' ? Number(m[4]) : undefined;
    const kg = unit ? v * unit[1] + (ounces ?? 0) * 0.028349523125 : undefined;
    if (kg !== undefined && (kg < 0.3 || kg > 400)) return;
    if (kg === undefined && (v < 2 || v > 700)) return;
    const [start, end] = valueSpan(m, 2, ounces !== undefined ? 5 : 3);
    if (WEIGHT_AFTER_EXCLUDE.test(text.slice(end, end + 24))) return;
    // "8 pounds and 1 ounce": the original result is the written text, without a single unit.
    const written = ounces !== undefined ? text.slice(start, end) : orres;
    out.push({
      code: 'WEIGHT',
      orres: written,
      orresu: ounces !== undefined ? undefined : unit?.[0],
      stresn: kg === undefined ? undefined : round(kg, 2),
      stresu: 'kg',
      start,
      end,
      confidence: unit ? 0.93 : 0.75,
    });
  });
  each(WEIGHT_UNLABELLED, (m) => {
    const unit = WEIGHT_UNITS[m[2].toLowerCase()];
    const kg = Number(m[1]) * unit[1];
    if (kg < 2 || kg > 400) return;
    const [start, end] = valueSpan(m, 1, 2);
    out.push({
      code: 'WEIGHT',
      orres: m[1],
      orresu: unit[0],
      stresn: round(kg, 2),
      stresu: 'kg',
      start,
      end,
      confidence: 0.8,
    });
  });
  each(HEIGHT_FT_IN, (m) => {
    const labelled = m[1] !== undefined;
    const marked = m[4] !== undefined;
    if (!labelled && !(marked || m[5])) return;
    const ft = Number(m[2]);
    const inches = Number(m[3]);
    if (ft < 1 || ft > 8 || inches >= 12) return;
    const start = m.indices![2][0];
    const end = (m.indices![4] ?? m.indices![3])[1];
    const orres = text.slice(start, end);
    out.push({
      code: 'HEIGHT',
      orres,
      orresu: undefined,
      stresn: round((ft * 12 + inches) * 2.54, 2),
      stresu: 'cm',
      start,
      end,
      confidence: labelled ? 0.93 : 0.88,
    });
  });
  each(HEIGHT_METRIC, (m) => {
    const v = Number(m[2]);
    const u = m[3].toLowerCase().replace(/\.$/, '');
    const [orresu, factor] = u.startsWith('c') ? ['cm', 1] : u.startsWith('i') ? ['in', 2.54] : ['m', 100];
    const cm = v * factor;
    if (cm < 30 || cm > 250) return;
    const [start, end] = valueSpan(m, 2, 3);
    out.push({
      code: 'HEIGHT',
      orres: m[2],
      orresu,
      stresn: round(cm, 2),
      stresu: 'cm',
      start,
      end,
      confidence: 0.93,
    });
  });
  each(BMI, (m) => {
    const v = Number(m[2]);
    if (v < 10 || v > 90) return;
    const [start, end] = valueSpan(m, 2, 3);
    out.push({
      code: 'BMI',
      orres: m[2],
      orresu: m[3] ? 'kg/m2' : undefined,
      stresn: v,
      stresu: 'kg/m2',
      start,
      end,
      confidence: 0.93,
    });
  });
  return out;
}

/** Terse "T 98.6 P 72 R 16" readings within 60 characters of an accepted reading (`accepted` sorted by start). */
function collectTerse(text: string, accepted: Reading[]): Reading[] {
  const out: Reading[] = [];
  if (!accepted.length) return out;
  const near = (i: number) => {
    let lo = 0;
    let hi = accepted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (accepted[mid].start < i) lo = mid + 1;
      else hi = mid;
    }
    const after = accepted[lo];
    const before = accepted[lo - 1];
    return (after !== undefined && after.start - i < 60) || (before !== undefined && i - before.end < 60);
  };
  TERSE.lastIndex = 0;
  for (let m = TERSE.exec(text); m !== null; m = TERSE.exec(text)) {
    if (!near(m.index)) continue;
    const [start, end] = m.indices![2];
    const v = Number(m[2]);
    if (m[1] === 'T') {
      const t = temperature(m[2], undefined);
      if (t) out.push({ code: 'TEMP', ...t, start, end, confidence: 0.8 });
    } else if (m[1] === 'P' && v >= 20 && v <= 250) {
      out.push({ code: 'PULSE', orres: m[2], stresn: v, stresu: 'beats/min', start, end, confidence: 0.8 });
    } else if (m[1] === 'R' && v >= 4 && v <= 80) {
      out.push({ code: 'RESP', orres: m[2], stresn: v, stresu: 'breaths/min', start, end, confidence: 0.8 });
    }
  }
  return out;
}

/** Greedy left-to-right selection of non-overlapping readings (a BP pair shares one span). */
function selectReadings(note: Note, readings: Reading[]): Reading[] {
  readings.sort((a, b) => a.start - b.start || b.confidence - a.confidence || b.end - a.end);
  const out: Reading[] = [];
  let maxEnd = -1;
  for (const r of readings) {
    const last = out[out.length - 1];
    const bpPartner =
      last && last.start === r.start && last.end === r.end && last.code === 'SYSBP' && r.code === 'DIABP';
    if (!bpPartner && (r.start < maxEnd || overlapsClaim(note, r.start, r.end))) continue;
    out.push(r);
    maxEnd = Math.max(maxEnd, r.end);
  }
  return out;
}

export function extractVitals(note: Note): ExtractedFinding[] {
  const labelled = selectReadings(note, collect(note.text));
  const accepted = selectReadings(note, [...labelled, ...collectTerse(note.text, labelled)]);
  accepted.sort((a, b) => a.start - b.start);
  const findings: ExtractedFinding[] = [];
  for (const r of accepted) {
    const section = sectionNameAt(note, r.start);
    findings.push(
      makeFinding(note, {
        kind: 'vital_sign',
        domain: 'VS',
        variables: {
          VSTESTCD: r.code,
          VSTEST: VSTEST[r.code],
          VSORRES: r.orres,
          VSORRESU: r.orresu,
          VSSTRESC: r.stresn === undefined ? undefined : String(r.stresn),
          VSSTRESN: r.stresn,
          VSSTRESU: r.stresn === undefined ? undefined : r.stresu,
        },
        start: r.start,
        end: r.end,
        confidence: r.confidence + (section === 'vital_signs' || section === 'physical_exam' ? 0.02 : 0),
      }),
    );
  }
  for (const r of accepted) claim(note, r.start, r.end);
  return findings;
}
