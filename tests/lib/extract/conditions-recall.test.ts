import { describe, expect, it } from 'vitest';
import { findings, one } from './helpers.ts';

const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';
const SNOMED = 'http://snomed.info/sct';
const conditionTexts = (text: string) =>
  findings(text)
    .filter((f) => f.kind === 'condition' || f.kind === 'symptom')
    .map((f) => f.text);

describe('conditions: generic heads, ICD-10-CM heads, Synthea names', () => {
  it('reads generic symptom words, but not when they modify something else', () => {
    const text = 'The pain is exacerbated by driving. She reports swelling in her right wrist.';
    expect(conditionTexts(text)).toEqual(['pain', 'swelling']);
    expect(one(text, 'symptom', 'pain').code).toMatchObject({ system: ICD, code: 'R52' });
    expect(
      conditionTexts('Discussed pain management and the pain scale. She takes nerve pain medicine.'),
    ).toEqual([]);
  });

  it('uses one-word ICD-10-CM descriptions and the heads of ICD-10-CM descriptions', () => {
    expect(one('She also has nocturia on occasion.', 'symptom', 'nocturia').code?.code).toBe('R35.1');
    expect(
      one('consistent with medial epicondylitis.', 'condition', 'medial epicondylitis').code?.code,
    ).toMatch(/^M77\.0/);
    expect(
      one('I recommended a trigger finger injection.', 'condition', 'trigger finger').code?.code,
    ).toMatch(/^M65\.3/);
  });

  it('codes Synthea condition names that ICD-10-CM phrasings miss with SNOMED CT', () => {
    const f = one('Patient has a history of normal pregnancy, tick bite.', 'condition', 'normal pregnancy');
    expect(f.code?.system).toBe(SNOMED);
    expect(f.code?.code).toMatch(/^\d{6,18}$/);
  });

  it('does not count social findings, procedures or allergy statements as conditions', () => {
    const synthea =
      'Patient has a history of not in labor force (finding), escherichia coli urinary tract infection, stress (finding).';
    const texts = findings(synthea).filter((f) => f.kind === 'condition' || f.kind === 'symptom');
    expect(texts.map((f) => [f.text, f.negated])).toEqual([
      ['escherichia coli urinary tract infection', false],
      ['stress', false],
    ]);
    expect(conditionTexts('- assessment of anxiety (procedure)\n- depression screening (procedure)')).toEqual(
      [],
    );
    expect(
      conditionTexts('Patient admits allergies to adhesive tape resulting in severe rash.'),
    ).not.toContain('allergies');
  });

  it('does not repeat an abbreviation restating the condition just named', () => {
    expect(conditionTexts('PAST MEDICAL HISTORY\n\nChronic kidney disease (CKD).\n')).toEqual([
      'Chronic kidney disease',
    ]);
  });

  it('reads a qualitative vital sign as an abnormal sign, never as a value', () => {
    const text = 'VITALS\n\nBlood Pressure: Elevated at 140/70 mmHg.\nHeart Rate: 80 beats per minute.';
    const f = one(text, 'symptom', 'Blood Pressure');
    expect(f.text).toBe('Blood Pressure: Elevated');
    expect(f.code).toMatchObject({ system: ICD, code: 'R03.0' });
    expect(findings(text, 'vital_sign').map((v) => v.variables.VSTESTCD)).toEqual(['SYSBP', 'DIABP', 'HR']);
  });

  it('marks signs and symptoms to watch for as hypothetical', () => {
    expect(
      one('Call with any signs or symptoms of hypoglycemia.', 'condition', 'hypoglycemia').assertion,
    ).toBe('hypothetical');
  });
});
