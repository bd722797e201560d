import { describe, expect, it } from 'vitest';
import { findings, one } from './helpers.ts';

/** Real sentences from MTSamples / ACI-Bench notes (public corpus), kept verbatim. */
const MTS_VITALS =
  'VITAL SIGNS:  Temperature 98.4 degrees Fahrenheit, blood pressure of 139/78, pulse of 83, respiratory rate of 18, and pulse oximetry of 98% on room air.,HEART:  Regular rate and rhythm.';

describe('vital signs', () => {
  it('reads a full MTSamples vital-signs line with CT test codes and standard units', () => {
    const vs = findings(MTS_VITALS, 'vital_sign');
    expect(vs.map((f) => f.variables.VSTESTCD)).toEqual([
      'TEMP',
      'SYSBP',
      'DIABP',
      'PULSE',
      'RESP',
      'OXYSAT',
    ]);
    const temp = vs[0];
    expect(temp.text).toBe('98.4 degrees Fahrenheit');
    expect(temp.variables).toMatchObject({ VSORRES: '98.4', VSORRESU: 'F', VSSTRESN: 36.89, VSSTRESU: 'C' });
    expect(vs.find((f) => f.variables.VSTESTCD === 'PULSE')?.variables).toMatchObject({
      VSORRES: '83',
      VSSTRESN: 83,
      VSSTRESU: 'beats/min',
    });
    expect(vs.find((f) => f.variables.VSTESTCD === 'RESP')?.variables.VSSTRESU).toBe('breaths/min');
    expect(vs.find((f) => f.variables.VSTESTCD === 'OXYSAT')?.variables).toMatchObject({
      VSSTRESN: 98,
      VSSTRESU: '%',
    });
    for (const f of vs) {
      expect(f.domain).toBe('VS');
      expect(f.section).toBe('vital_signs');
    }
  });

  it('gives blood pressure as SYSBP and DIABP sharing the "138/86" span', () => {
    const text = 'His blood pressure was noted to be 180/95 mmHg when he arrived.';
    const bp = findings(text, 'vital_sign');
    expect(bp.map((f) => [f.variables.VSTESTCD, f.variables.VSORRES, f.text])).toEqual([
      ['SYSBP', '180', '180/95'],
      ['DIABP', '95', '180/95'],
    ]);
    expect(bp[0].variables.VSORRESU).toBe('mmHg');
    expect(bp[0].start).toBe(text.indexOf('180/95'));
  });

  it('converts Fahrenheit to Celsius and leaves an unwritten unit out of VSORRESU', () => {
    const t = one('On exam, her temperature is 98, pulse 76, weight 197.7 pounds', 'vital_sign', '98');
    expect(t.variables).toMatchObject({ VSTESTCD: 'TEMP', VSORRES: '98', VSSTRESN: 36.67, VSSTRESU: 'C' });
    expect(t.variables.VSORRESU).toBeUndefined();
    expect(one('Temp 37.8 C at triage.', 'vital_sign', '37.8').variables).toMatchObject({
      VSORRESU: 'C',
      VSSTRESN: 37.8,
    });
  });

  it('converts pounds (with ounces) and grams to kilograms', () => {
    expect(one('weight 197.7 pounds, blood pressure 102/72', 'vital_sign', 'pounds').variables).toMatchObject(
      {
        VSTESTCD: 'WEIGHT',
        VSORRES: '197.7',
        VSORRESU: 'LB',
        VSSTRESN: 89.68,
        VSSTRESU: 'kg',
      },
    );
    expect(
      one('Weight 8 pounds and 1 ounce.  Intact placenta.', 'vital_sign', 'pounds').variables.VSSTRESN,
    ).toBe(3.66);
    expect(one('Weight was 2870 gm, length was 51 cm.', 'vital_sign', 'gm').variables.VSSTRESN).toBe(2.87);
    expect(one('VITAL SIGNS:  Weight is 14.9 kg.', 'vital_sign', 'kg').variables.VSSTRESN).toBe(14.9);
  });

  it('converts feet and inches to centimetres, and reads BMI', () => {
    const h = one('He is 177 pounds, 5 feet, 8 inches.  Blood pressure 144/66.', 'vital_sign', 'feet');
    expect(h.text).toBe('5 feet, 8 inches');
    expect(h.variables).toMatchObject({ VSTESTCD: 'HEIGHT', VSSTRESN: 172.72, VSSTRESU: 'cm' });
    expect(one('Height: 5\'6".', 'vital_sign', '5').variables.VSSTRESN).toBe(167.64);
    expect(
      one('blood pressure 102/72, BMI is 38.5, she has lost 3.8 pounds', 'vital_sign', '38.5').variables,
    ).toMatchObject({
      VSTESTCD: 'BMI',
      VSSTRESU: 'kg/m2',
    });
  });

  it('reads terse "T P R" labels only next to another vital sign', () => {
    const vs = findings('Vitals: T 98.2 P 72 R 16 BP 120/80', 'vital_sign');
    expect(vs.map((f) => f.variables.VSTESTCD)).toEqual(['TEMP', 'PULSE', 'RESP', 'SYSBP', 'DIABP']);
    expect(findings('Appendix P 72 was removed.', 'vital_sign')).toEqual([]);
  });

  it('does not read goals, ideal weights, ranges or losses as measurements', () => {
    expect(findings('Goal blood pressure less than 130/80.', 'vital_sign')).toEqual([]);
    expect(
      findings('Ideal body weight would be 170 pounds.  He is 142 pounds overweight.', 'vital_sign'),
    ).toEqual([]);
    expect(findings('She has lost 3.8 pounds since her last visit.', 'vital_sign')).toEqual([]);
    expect(findings('BP is 130-140/70-80 at home.', 'vital_sign')).toEqual([]);
  });

  it('reads oxygen saturation written as "percent on room air"', () => {
    expect(one('Pulse oxygenation: 99 percent on room air.', 'vital_sign', '99').variables).toMatchObject({
      VSTESTCD: 'OXYSAT',
      VSSTRESN: 99,
    });
    expect(one('He is saturating at 96% on 4 L nonrebreather.', 'vital_sign', '96').variables.VSTESTCD).toBe(
      'OXYSAT',
    );
  });
});

describe('vital signs: terse and partial forms', () => {
  it('reads labels written against the value and positional labels', () => {
    const text = 'EXAM: ,BP118/66.  HR83. RR 20. T36.8C.,MS: Alert.';
    expect(findings(text, 'vital_sign').map((f) => `${f.variables.VSTESTCD}=${f.variables.VSORRES}`)).toEqual(
      ['SYSBP=118', 'DIABP=66', 'HR=83', 'RESP=20', 'TEMP=36.8'],
    );
    expect(findings('BP Sitting: 120/80 Resp: 20', 'vital_sign').map((f) => f.variables.VSORRES)).toEqual([
      '120',
      '80',
      '20',
    ]);
  });

  it('reads one side of a blood pressure, but not a cardiac pressure', () => {
    const f = one('She reported seeing a systolic BP of 116 a few weeks ago.', 'vital_sign', '116');
    expect(f.variables).toMatchObject({ VSTESTCD: 'SYSBP', VSORRES: '116', VSSTRESU: 'mmHg' });
    expect(findings('The pulmonary artery systolic pressure is 49 mmHg.', 'vital_sign')).toEqual([]);
  });

  it('does not read a weight change as a weight', () => {
    expect(findings('Weight: 5 lb increase since last visit.', 'vital_sign')).toEqual([]);
  });
});
