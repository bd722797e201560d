import { describe, expect, it } from 'vitest';
import { findings, one } from './helpers.ts';

const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';

describe('conditions and symptoms', () => {
  it('codes common phrasings and abbreviations with billable ICD-10-CM codes', () => {
    const cases: [string, string, string][] = [
      ['Patient with HTN and type 2 diabetes.', 'HTN', 'I10'],
      ['Patient with HTN and type 2 diabetes.', 'type 2 diabetes', 'E11.9'],
      ['History of CHF and COPD.', 'CHF', 'I50.9'],
      ['History of CHF and COPD.', 'COPD', 'J44.9'],
      ['He has gastroesophageal reflux disease.', 'gastroesophageal reflux disease', 'K21.9'],
      ['Essential hypertension, well controlled.', 'Essential hypertension', 'I10'],
    ];
    for (const [text, needle, code] of cases) {
      const f = one(text, 'condition', needle);
      expect(f.code).toMatchObject({ system: ICD, code });
      expect(f.code?.display).toBeTruthy();
      expect(f.domain).toBe('MH');
      expect(f.variables.MHTERM).toBe(f.text);
    }
  });

  it('gives chapter R codes kind "symptom"', () => {
    const text = 'He presents with chest pain and shortness of breath.';
    expect(one(text, 'symptom', 'chest pain').code?.code).toBe('R07.9');
    expect(one(text, 'symptom', 'shortness of breath').code?.code).toBe('R06.02');
  });

  it('uses ICD-10-CM descriptions beyond the curated layer', () => {
    const f = one(
      'PREOPERATIVE DIAGNOSIS: , Lipodystrophy of the abdomen and thighs.',
      'condition',
      'Lipodystrophy',
    );
    expect(f.code?.code).toMatch(/^E88\./);
    expect(f.section).toBe('diagnoses');
  });

  it('prefers the longer phrase across lexicons', () => {
    const f = one('He has insulin dependent diabetes mellitus.', 'condition', 'diabetes');
    expect(f.text).toBe('insulin dependent diabetes mellitus');
    expect(findings('He has insulin dependent diabetes mellitus.', 'medication')).toEqual([]);
  });

  it('does not read headers or room air as conditions', () => {
    expect(findings('PE: Lungs clear.', 'condition')).toEqual([]);
    expect(findings('HISTORY OF PRESENT ILLNESS: Doing well.').filter((f) => f.kind === 'condition')).toEqual(
      [],
    );
    expect(findings('Saturation 98% on RA.', 'condition')).toEqual([]);
  });
});
