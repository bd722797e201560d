import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExtractedFinding } from '../../lib/extract/contract.ts';
import { checkAnnotation } from '../../bench/extract-dev/check-gold.ts';
import {
  aggregate,
  maxMatching,
  medicationAttributeErrors,
  meetsTargets,
  normalizeDrugName,
  prf,
  scoreDocument,
  type GoldAnnotation,
  type GoldDocument,
  type GoldMedication,
} from '../../bench/extract-dev/score.ts';

const devDir = path.resolve(import.meta.dirname, '../../bench/extract-dev');

/** A finding with defaults; `text` is taken from `note` when given. */
function finding(
  over: Partial<ExtractedFinding> & Pick<ExtractedFinding, 'kind' | 'start' | 'end'>,
  note?: string,
) {
  return {
    domain: '',
    variables: {},
    assertion: 'present',
    negated: false,
    text: note ? note.slice(over.start, over.end) : '',
    confidence: 1,
    ...over,
  } as ExtractedFinding;
}

function doc(annotations: GoldAnnotation[]): GoldDocument {
  return { id: 't', source: { file: '', record: '', licence: '' }, annotations };
}

/** Gold span for the n-th (0-based) occurrence of `needle` in `note`. */
function at(note: string, needle: string, nth = 0) {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = note.indexOf(needle, i + 1);
  if (i < 0) throw new Error(`${needle} not in note`);
  return { start: i, end: i + needle.length, text: needle };
}

describe('maxMatching', () => {
  it('finds the maximum matching where greedy by preference would not', () => {
    // g0 prefers s0 but could also take s1; g1 can only take s0. Greedy gives 1 pair, the maximum is 2.
    const ok: Record<string, number> = { '0-0': 0, '0-1': 5, '1-0': 1 };
    const pairs = maxMatching([0, 1], [0, 1], (g, s) => ok[`${g}-${s}`] ?? null);
    expect(pairs).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });
  it('pairs each item at most once', () => {
    const pairs = maxMatching([0, 1, 2], [0], () => 0);
    expect(pairs).toHaveLength(1);
  });
});

describe('prf', () => {
  it('computes precision, recall and F1', () => {
    const r = prf({ tp: 3, fp: 1, fn: 2 });
    expect(r.precision).toBeCloseTo(0.75);
    expect(r.recall).toBeCloseTo(0.6);
    expect(r.f1).toBeCloseTo((2 * 0.75 * 0.6) / 1.35);
  });
  it('is perfect on an empty category and zero when everything is missed', () => {
    expect(prf({ tp: 0, fp: 0, fn: 0 }).f1).toBe(1);
    expect(prf({ tp: 0, fp: 0, fn: 4 }).f1).toBe(0);
    expect(prf({ tp: 0, fp: 2, fn: 0 }).f1).toBe(0);
  });
});

describe('vital signs', () => {
  const note = 'BP 124/78. HR 83. Temp 98.6 degrees F. Weight 130 pounds.';
  const gold = doc([
    { id: 'g1', category: 'vital', ...at(note, '124/78'), testcd: 'SYSBP', value: 124, unit: 'mmHg' },
    { id: 'g2', category: 'vital', ...at(note, '124/78'), testcd: 'DIABP', value: 78, unit: 'mmHg' },
    { id: 'g3', category: 'vital', ...at(note, '83'), testcd: 'PULSE', value: 83, unit: 'beats/min' },
    { id: 'g4', category: 'vital', ...at(note, '98.6 degrees F'), testcd: 'TEMP', value: 98.6, unit: 'F' },
    { id: 'g5', category: 'vital', ...at(note, '130 pounds'), testcd: 'WEIGHT', value: 130, unit: 'LB' },
  ]);
  const vs = (needle: string, variables: Record<string, string | number>) =>
    finding({ kind: 'vital_sign', domain: 'VS', ...at(note, needle), variables }, note);

  it('matches by test code and value; HR counts as PULSE; standard units are converted', () => {
    const s = scoreDocument(gold, [
      vs('124/78', { VSTESTCD: 'SYSBP', VSORRES: '124', VSORRESU: 'mmHg' }),
      vs('124/78', { VSTESTCD: 'DIABP', VSORRES: '78' }),
      vs('83', { VSTESTCD: 'HR', VSORRES: '83' }),
      vs('98.6', { VSTESTCD: 'TEMP', VSSTRESN: 37, VSSTRESU: 'C' }),
      vs('130', { VSTESTCD: 'WEIGHT', VSSTRESN: 58.97, VSSTRESU: 'kg' }),
    ]);
    expect(s.categories.vitals).toMatchObject({ tp: 5, fp: 0, fn: 0 });
  });

  it('counts a wrong value as one false positive and one false negative', () => {
    const s = scoreDocument(gold, [
      vs('124/78', { VSTESTCD: 'SYSBP', VSORRES: '124' }),
      vs('124/78', { VSTESTCD: 'DIABP', VSORRES: '87' }),
    ]);
    expect(s.categories.vitals).toMatchObject({ tp: 1, fp: 1, fn: 4 });
    expect(s.categories.vitals.falsePositives[0].detail).toContain('VSORRES=87');
  });

  it('does not match the right value under the wrong test code', () => {
    const s = scoreDocument(gold, [vs('83', { VSTESTCD: 'RESP', VSORRES: '83' })]);
    expect(s.categories.vitals.tp).toBe(0);
  });
});

describe('medications', () => {
  const note =
    'Meds: Zyrtec 10 mg PO daily; lisinopril 20 mg daily; Bactrim DS one pill a day. Plan: Zyrtec.';
  const zyrtec: GoldMedication = {
    id: 'g1',
    category: 'medication',
    ...at(note, 'Zyrtec'),
    name: 'Zyrtec',
    ingredient: 'cetirizine',
    dose: 10,
    unit: 'mg',
    route: 'ORAL',
    frequency: 'QD',
  };
  const lisinopril: GoldMedication = {
    id: 'g2',
    category: 'medication',
    ...at(note, 'lisinopril'),
    name: 'lisinopril',
    dose: 20,
    unit: 'mg',
    frequency: 'QD',
  };
  const bactrim: GoldMedication = {
    id: 'g3',
    category: 'medication',
    ...at(note, 'Bactrim DS'),
    name: 'Bactrim DS',
    ingredient: 'sulfamethoxazole / trimethoprim',
    aliases: ['Bactrim'],
    dose: 1,
    unit: 'TABLET',
    frequency: 'QD',
  };
  const zyrtec2: GoldMedication = {
    id: 'g4',
    category: 'medication',
    ...at(note, 'Zyrtec', 1),
    name: 'Zyrtec',
    ingredient: 'cetirizine',
  };
  const gold = doc([zyrtec, lisinopril, bactrim, zyrtec2]);
  const cm = (span: { start: number; end: number }, variables: Record<string, string | number>) =>
    finding({ kind: 'medication', domain: 'CM', ...span, variables }, note);

  it('matches names case-insensitively by ingredient, brand, salt-free name or combination part', () => {
    expect(normalizeDrugName('Metformin Hydrochloride')).toBe('metformin');
    expect(normalizeDrugName('lisinopril 20 mg tablet')).toBe('lisinopril');
    const s = scoreDocument(gold, [
      cm(at(note, 'Zyrtec'), { CMTRT: 'CETIRIZINE' }),
      cm(at(note, 'lisinopril'), { CMTRT: 'Lisinopril' }),
      cm(at(note, 'Bactrim DS'), { CMTRT: 'trimethoprim' }),
      cm(at(note, 'Zyrtec', 1), { CMTRT: 'zyrtec' }),
    ]);
    expect(s.categories.medicationNames).toMatchObject({ tp: 4, fp: 0, fn: 0 });
  });

  it('counts every mention: a missed repeat is a false negative, an extra one a false positive', () => {
    const s = scoreDocument(gold, [
      cm(at(note, 'Zyrtec'), { CMTRT: 'Zyrtec' }),
      cm(at(note, 'lisinopril'), { CMTRT: 'lisinopril' }),
      cm(at(note, 'lisinopril'), { CMTRT: 'lisinopril' }),
      cm(at(note, 'Plan'), { CMTRT: 'metformin' }),
    ]);
    expect(s.categories.medicationNames).toMatchObject({ tp: 2, fp: 2, fn: 2 });
  });

  it('requires every gold attribute for a full match and ignores attributes absent from gold', () => {
    const full = scoreDocument(gold, [
      cm(at(note, 'Zyrtec'), { CMTRT: 'Zyrtec', CMDOSE: 10, CMDOSU: 'mg', CMROUTE: 'PO', CMDOSFRQ: 'daily' }),
      // Route not in gold for lisinopril: an added route is ignored.
      cm(at(note, 'lisinopril'), {
        CMTRT: 'lisinopril',
        CMDOSE: 20,
        CMDOSU: 'MG',
        CMDOSFRQ: 'QD',
        CMROUTE: 'ORAL',
      }),
      // Wrong frequency.
      cm(at(note, 'Bactrim DS'), { CMTRT: 'Bactrim', CMDOSE: 1, CMDOSU: 'tablet', CMDOSFRQ: 'BID' }),
      // Gold has no attributes: the name alone is a full match.
      cm(at(note, 'Zyrtec', 1), { CMTRT: 'Zyrtec', CMDOSE: 5, CMDOSU: 'mg' }),
    ]);
    expect(full.categories.medicationsFull).toMatchObject({ tp: 3, fp: 1, fn: 1 });
    expect(full.categories.medicationsFull.falseNegatives[0].detail).toContain('frequency');
  });

  it('reports which attributes differ', () => {
    const f = cm(at(note, 'Zyrtec'), { CMTRT: 'Zyrtec', CMDOSE: 10, CMDOSU: 'mcg', CMROUTE: 'IV' });
    expect(medicationAttributeErrors(zyrtec, f)).toEqual(['dose', 'route', 'frequency']);
  });

  it('accepts dose and frequency alternatives', () => {
    const g: GoldMedication = {
      ...zyrtec,
      doseAlternatives: [{ dose: 1, unit: 'TABLET' }],
      frequencyAlternatives: ['PRN'],
    };
    const f = cm(at(note, 'Zyrtec'), {
      CMTRT: 'Zyrtec',
      CMDOSE: 1,
      CMDOSU: 'tab',
      CMROUTE: 'ORAL',
      CMDOSFRQ: 'as needed',
    });
    expect(medicationAttributeErrors(g, f)).toEqual([]);
  });
});

describe('allergies', () => {
  const note = 'ALLERGIES: Penicillin causes hives. Denies an allergy to latex. No known drug allergies.';
  const gold = doc([
    {
      id: 'g1',
      category: 'allergy',
      ...at(note, 'Penicillin'),
      substance: 'Penicillin',
      negated: false,
      reaction: 'hives',
    },
    { id: 'g2', category: 'allergy', ...at(note, 'latex'), substance: 'latex', negated: true },
    {
      id: 'g3',
      category: 'allergy',
      ...at(note, 'No known drug allergies'),
      substance: 'NKA',
      negated: true,
    },
  ]);
  const al = (span: { start: number; end: number }, over: Partial<ExtractedFinding> = {}) =>
    finding({ kind: 'allergy', domain: 'MH', ...span, ...over }, note);

  it('matches positive, denied and no-known allergies with the right polarity', () => {
    const s = scoreDocument(gold, [
      al(at(note, 'Penicillin causes hives'), {
        variables: { MHTERM: 'penicillin allergy', MHCAT: 'ALLERGY' },
      }),
      al(at(note, 'latex'), { negated: true, assertion: 'negated' }),
      al(at(note, 'No known drug allergies'), { negated: true, assertion: 'negated' }),
    ]);
    expect(s.categories.allergies).toMatchObject({ tp: 3, fp: 0, fn: 0 });
  });

  it('rejects the wrong polarity and matches a substance by name without overlap', () => {
    const s = scoreDocument(gold, [
      al(at(note, 'latex')), // asserted, gold denies it
      al(
        { start: 0, end: 9 },
        { text: 'ALLERGIES', variables: { MHTERM: 'Allergy to penicillin', MHCAT: 'ALLERGY' } },
      ),
    ]);
    expect(s.categories.allergies).toMatchObject({ tp: 1, fp: 1, fn: 2 });
  });

  it('counts a condition finding with MHCAT ALLERGY as an allergy, not a condition', () => {
    const s = scoreDocument(gold, [
      finding(
        { kind: 'condition', domain: 'MH', ...at(note, 'Penicillin'), variables: { MHCAT: 'ALLERGY' } },
        note,
      ),
    ]);
    expect(s.categories.allergies.tp).toBe(1);
    expect(s.categories.conditionsPresent.fp).toBe(0);
  });
});

describe('conditions and negation', () => {
  const note =
    'History of hypertension. Denies chest pain. Possible pneumonia. Father had diabetes. Knee pain.';
  const gold = doc([
    { id: 'g1', category: 'condition', ...at(note, 'hypertension'), assertion: 'historical' },
    { id: 'g2', category: 'condition', ...at(note, 'chest pain'), assertion: 'negated' },
    { id: 'g3', category: 'condition', ...at(note, 'pneumonia'), assertion: 'possible' },
    { id: 'g4', category: 'condition', ...at(note, 'diabetes'), assertion: 'family' },
    { id: 'g5', category: 'condition', ...at(note, 'Knee pain'), assertion: 'present' },
  ]);
  const c = (needle: string, over: Partial<ExtractedFinding> = {}) =>
    finding({ kind: 'condition', domain: 'MH', ...at(note, needle), ...over }, note);

  it('scores present and historical conditions by span overlap', () => {
    const s = scoreDocument(gold, [
      c('hypertension', { assertion: 'present' }), // historical ≡ present for this metric
      finding({ kind: 'symptom', domain: 'MH', ...at(note, 'pain', 1) }, note), // overlaps "Knee pain"
      c('chest pain', { assertion: 'negated', negated: true }), // not affirmed: ignored for this metric
      c('pneumonia'), // gold says possible: a false positive
    ]);
    expect(s.categories.conditionsPresent).toMatchObject({ tp: 2, fp: 1, fn: 0 });
  });

  it('misses a present condition that the system negates', () => {
    const s = scoreDocument(gold, [c('Knee pain', { assertion: 'negated', negated: true })]);
    expect(s.categories.conditionsPresent).toMatchObject({ tp: 0, fp: 0, fn: 2 });
  });

  it('measures negation accuracy over the gold conditions the system found', () => {
    const s = scoreDocument(gold, [
      c('chest pain', { assertion: 'negated', negated: true }), // right
      c('Knee pain', { assertion: 'negated', negated: true }), // wrong
      c('diabetes', { assertion: 'family' }), // right (not negated)
    ]);
    expect(s.negation).toMatchObject({ paired: 3, correct: 2 });
    expect(s.negation.errors[0].text).toBe('Knee pain');
    const total = aggregate([s]);
    expect(total.negationAccuracy.accuracy).toBeCloseTo(2 / 3);
    expect(meetsTargets(total).negationAccuracy).toBe(false);
    expect(total.assertionAgreement).toMatchObject({ paired: 3, correct: 2 });
  });
});

describe('the committed gold', () => {
  const goldFiles = readdirSync(path.join(devDir, 'gold')).filter((f) => f.endsWith('.json'));
  const docs = goldFiles.map(
    (f) => JSON.parse(readFileSync(path.join(devDir, 'gold', f), 'utf8')) as GoldDocument,
  );

  it('has at least 32 notes and several hundred annotations, every span equal to its slice', () => {
    expect(docs.length).toBeGreaterThanOrEqual(32);
    let n = 0;
    for (const d of docs) {
      const text = readFileSync(path.join(devDir, 'notes', `${d.id}.txt`), 'utf8');
      for (const a of d.annotations) {
        expect(checkAnnotation(a, text), `${d.id}/${a.id}`).toEqual([]);
        n++;
      }
    }
    expect(n).toBeGreaterThan(500);
  });

  it('detects a span that does not equal its slice', () => {
    const bad = {
      id: 'x',
      category: 'condition',
      start: 0,
      end: 4,
      text: 'pain',
      assertion: 'present',
    } as const;
    expect(checkAnnotation(bad, 'Knee pain')[0]).toMatch(/slice/);
  });

  it('scores a system that echoes the gold as perfect', () => {
    const scores = docs.map((d) => {
      const findings = d.annotations.map((a): ExtractedFinding => {
        const base = {
          start: a.start,
          end: a.end,
          text: a.text,
          confidence: 1,
          variables: {} as Record<string, string | number>,
        };
        switch (a.category) {
          case 'vital':
            return {
              ...base,
              kind: 'vital_sign',
              domain: 'VS',
              assertion: 'present',
              negated: false,
              variables: { VSTESTCD: a.testcd, VSORRES: String(a.value), VSORRESU: a.unit },
            };
          case 'medication': {
            const v: Record<string, string | number> = { CMTRT: a.name };
            if (a.dose !== undefined) Object.assign(v, { CMDOSE: a.dose, CMDOSU: a.unit ?? '' });
            if (a.route) v.CMROUTE = a.route;
            if (a.frequency) v.CMDOSFRQ = a.frequency;
            return {
              ...base,
              kind: 'medication',
              domain: 'CM',
              assertion: 'present',
              negated: false,
              variables: v,
            };
          }
          case 'allergy':
            return {
              ...base,
              kind: 'allergy',
              domain: 'MH',
              assertion: a.negated ? 'negated' : 'present',
              negated: a.negated,
              variables: { MHTERM: a.substance, MHCAT: 'ALLERGY' },
            };
          case 'condition':
            return {
              ...base,
              kind: 'condition',
              domain: 'MH',
              assertion: a.assertion,
              negated: a.assertion === 'negated',
            };
        }
      });
      return scoreDocument(d, findings);
    });
    const total = aggregate(scores);
    for (const [k, v] of Object.entries(total.categories)) expect(v.f1, k).toBe(1);
    expect(total.negationAccuracy.accuracy).toBe(1);
    expect(Object.values(meetsTargets(total)).every(Boolean)).toBe(true);
  });
});
