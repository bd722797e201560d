import { describe, expect, it } from 'vitest';
import { findings, one } from './helpers.ts';

describe('dates', () => {
  it('normalises written dates to ISO 8601 without imputing', () => {
    const cases: [string, string][] = [
      ['Seen on 03/05/2019 for follow-up.', '2019-03-05'],
      ['1987-11-19\n\n# Chief Complaint', '1987-11-19'],
      ['At last visit on April 16, 2021, BP was 130/90.', '2021-04-16'],
      ['Surgery on 5 March 2018.', '2018-03-05'],
      ['Colonoscopy in March 2015 was normal.', '2015-03'],
      ['Hgb A1c 5.5 in 03/2020.', '2020-03'],
      ['She had a hysterectomy done in 2000.', '2000'],
    ];
    for (const [text, iso] of cases)
      expect(findings(text, 'date').map((f) => f.variables['--DTC'])).toEqual([iso]);
  });

  it('rejects impossible dates and keeps low confidence for two-digit years', () => {
    expect(findings('Seen 02/30/2019.', 'date')).toEqual([]);
    const f = one('Hospitalized on 02/04/08 for renal insufficiency.', 'date', '02/04/08');
    expect(f.variables['--DTC']).toBe('2008-02-04');
    expect(f.confidence).toBeLessThan(0.7);
  });

  it('gives a birth date as DM BRTHDTC', () => {
    const f = one('DOB: 07/14/1961', 'demographic', '1961');
    expect(f).toMatchObject({ domain: 'DM', variables: { BRTHDTC: '1961-07-14' } });
  });
});

describe('demographics', () => {
  it('reads age and sex from "44-year-old female" and Synthea phrasing', () => {
    expect(
      one('Anna Mitchell is a 44-year-old female with arthritis.', 'demographic', '44').variables,
    ).toEqual({
      AGE: 44,
      AGEU: 'YEARS',
      SEX: 'F',
    });
    expect(one('is a 60 year-old nonhispanic white female.', 'demographic', '60').variables).toEqual({
      AGE: 60,
      AGEU: 'YEARS',
      SEX: 'F',
      RACE: 'WHITE',
      ETHNIC: 'NOT HISPANIC OR LATINO',
    });
    expect(
      one('The patient is a 4-year-old boy with testicular pain.', 'demographic', '4').variables,
    ).toMatchObject({
      AGE: 4,
      SEX: 'M',
    });
    expect(one('a 15-day-old female', 'demographic', '15').variables).toMatchObject({
      AGE: 15,
      AGEU: 'DAYS',
    });
    expect(one('72 y/o M with CHF', 'demographic', '72').variables).toMatchObject({ AGE: 72, SEX: 'M' });
  });

  it("ignores other people's ages and pronouns", () => {
    expect(findings('Her 5-year-old son has asthma.', 'demographic')).toEqual([]);
    expect(findings('She reports that he is doing well.', 'demographic')).toEqual([]);
  });
});

describe('procedures and imaging', () => {
  it('reads procedures with PROCEDUR terms and imaging with PRCAT', () => {
    expect(
      one('PROCEDURE PERFORMED: , Laparoscopic cholecystectomy.', 'procedure', 'cholecystectomy').variables,
    ).toMatchObject({
      PRTRT: 'Laparoscopic cholecystectomy',
      PRDECOD: 'CHOLECYSTECTOMY',
    });
    const cxr = one('Chest x-ray was unremarkable.', 'imaging', 'x-ray');
    expect(cxr).toMatchObject({ domain: 'PR', variables: { PRCAT: 'IMAGING', PRDECOD: 'X-RAY' } });
    expect(one('An MRI of the brain was normal.', 'imaging', 'MRI').variables.PRDECOD).toBe('MRI');
  });

  it('marks planned studies hypothetical and past surgery historical', () => {
    expect(
      one('We will order an ultrasound of her right upper quadrant.', 'imaging', 'ultrasound').assertion,
    ).toBe('hypothetical');
    expect(one('He is status post appendectomy.', 'procedure', 'appendectomy').assertion).toBe('historical');
  });

  it('reads CT only in capitals', () => {
    expect(findings('CT of the abdomen showed no abscess.', 'imaging').length).toBe(1);
    expect(findings('The ct value was low.', 'imaging')).toEqual([]);
  });
});
