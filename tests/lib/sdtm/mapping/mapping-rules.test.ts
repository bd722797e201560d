/** The pure rules of the mapping: study day, ISO 8601 without imputation, standard units, CT look-ups. */
import { describe, expect, it } from 'vitest';
import { ctDoseUnit, ctFrequency, ctRoute, ctTest } from '../../../../lib/sdtm/mapping/controlled-terms.ts';
import { biradsCategory } from '../../../../lib/sdtm/mapping/map-xb.ts';
import { ageInYears, asDtc, studyDay } from '../../../../lib/sdtm/mapping/sdtm-dates.ts';
import { standardVital, vitalUnit } from '../../../../lib/sdtm/mapping/standard-units.ts';

describe('study day', () => {
  it.each([
    ['2024-03-05', '2024-03-05', 1],
    ['2024-03-06', '2024-03-05', 2],
    ['2024-03-04', '2024-03-05', -1],
    ['2024-02-04', '2024-03-05', -30],
    ['2024-03-05T14:30', '2024-03-05', 1],
    ['2025-03-05', '2024-03-05', 366],
  ])('%s against %s is day %i', (dtc, ref, day) => expect(studyDay(dtc, ref)).toBe(day));

  it.each([
    ['2024-03', '2024-03-05'],
    ['2024-03-06', '2024'],
    ['2024---06', '2024-03-05'],
    ['2024-01-01/2024-06-30', '2024-03-05'],
    ['2024-02-30', '2024-03-05'],
    [null, '2024-03-05'],
  ])('is not computed for %s against %s', (dtc, ref) => expect(studyDay(dtc, ref)).toBeNull());
});

describe('dates', () => {
  it('keeps partial ISO 8601 values as written and refuses anything else', () => {
    expect(asDtc('2019-03')).toBe('2019-03');
    expect(asDtc('2019')).toBe('2019');
    expect(asDtc('2003---15')).toBe('2003---15');
    expect(asDtc('03/2019')).toBeNull();
    expect(asDtc('20190305')).toBeNull();
  });
  it('derives age in whole years only from complete dates', () => {
    expect(ageInYears('1956-05-12', '2024-03-05')).toBe(67);
    expect(ageInYears('1956-03-05', '2024-03-05')).toBe(68);
    expect(ageInYears('1956-05', '2024-03-05')).toBeNull();
  });
});

describe('standard units', () => {
  it('converts temperature, weight and height to C, kg and cm', () => {
    expect(standardVital('TEMP', '98.6', 'F')).toEqual({ stresc: '37', stresn: 37, stresu: 'C' });
    expect(standardVital('WEIGHT', '150', 'LB')).toEqual({ stresc: '68.04', stresn: 68.04, stresu: 'kg' });
    expect(standardVital('HEIGHT', '70', 'in')).toEqual({ stresc: '177.8', stresn: 177.8, stresu: 'cm' });
  });
  it('assumes only the unit a test cannot be without, and never guesses an ambiguous one', () => {
    expect(standardVital('SYSBP', '120', null)).toEqual({ stresc: '120', stresn: 120, stresu: 'mmHg' });
    expect(standardVital('WEIGHT', '150', null)).toEqual({ stresc: null, stresn: null, stresu: null });
  });
  it('reads written units as VSRESU terms', () => {
    expect(['lbs', 'LB', 'bpm', 'mmHg', '°F', 'inches'].map(vitalUnit)).toEqual([
      'LB',
      'LB',
      'beats/min',
      'mmHg',
      'F',
      'in',
    ]);
  });
});

describe('controlled terminology', () => {
  it('maps sig abbreviations and test names to submission values', () => {
    expect([ctRoute('PO'), ctRoute('by mouth'), ctFrequency('bid'), ctDoseUnit('mcg')]).toEqual([
      'ORAL',
      'ORAL',
      'BID',
      'ug',
    ]);
    expect(ctTest('VSTESTCD', 'VSTEST', 'Diastolic Blood Pressure')).toEqual({
      testcd: 'DIABP',
      test: 'Diastolic Blood Pressure',
    });
    expect(ctTest('VSTESTCD', 'VSTEST', 'shoe size')).toBeNull();
  });
  it('reads BI-RADS categories from a value or a label', () => {
    expect(biradsCategory('4a', null)).toBe('4A');
    expect(biradsCategory(null, 'BI-RADS category 2')).toBe('2');
    expect(biradsCategory(null, 'BIRADS 7')).toBeNull();
  });
});
