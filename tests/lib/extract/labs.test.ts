import { describe, expect, it } from 'vitest';
import { findings, one } from './helpers.ts';

describe('labs', () => {
  it('reads an MTSamples laboratory paragraph', () => {
    const text =
      'LABORATORY DATA:,  White count 11.1, hemoglobin 14.5, hematocrit 43.5, and platelets 303,000.  Coags unremarkable.  Glucose 106, creatinine 0.8, sodium 141, potassium 4, and calcium 9.7.';
    const labs = findings(text, 'lab');
    expect(labs.map((f) => [f.variables.LBTESTCD, f.variables.LBORRES])).toEqual([
      ['WBC', '11.1'],
      ['HGB', '14.5'],
      ['HCT', '43.5'],
      ['PLAT', '303000'],
      ['GLUC', '106'],
      ['CREAT', '0.8'],
      ['SODIUM', '141'],
      ['K', '4'],
      ['CA', '9.7'],
    ]);
    expect(labs[1].variables.LBTEST).toBe('Hemoglobin');
    expect(labs[0].domain).toBe('LB');
  });

  it('reads units, reference ranges and flags', () => {
    const f = one('Hemoglobin 10.2 g/dL (12.0-16.0) L', 'lab', 'Hemoglobin');
    expect(f.variables).toMatchObject({
      LBORRES: '10.2',
      LBORRESU: 'g/dL',
      LBORNRLO: '12.0',
      LBORNRHI: '16.0',
      LBNRIND: 'LOW',
    });
    expect(one('Potassium 5.9 mmol/L (3.5-5.1)', 'lab', 'Potassium').variables.LBNRIND).toBe('HIGH');
    expect(one('WBC 12.5 K/uL.', 'lab', 'WBC').variables.LBORRESU).toBe('10^9/L');
    expect(one('PSA 0.6 ng/mL.', 'lab', 'PSA').variables.LBORRESU).toBe('ug/L');
    expect(one('his last hemoglobin a1c was greater than 9', 'lab', 'a1c').variables.LBORRES).toBe('>9');
  });

  it('reads abbreviations case-sensitively', () => {
    const labs = findings('Na 140, K 4.1, Cl 101, BUN 20, Cr 1.1.', 'lab');
    expect(labs.map((f) => f.variables.LBTESTCD)).toEqual(['SODIUM', 'K', 'CL', 'UREAN', 'CREAT']);
  });

  it('rejects numbers that are not results', () => {
    expect(findings('The patient checks his blood sugar 2 to 3 times per day.', 'lab')).toEqual([]);
    expect(findings('Hemoglobin 3 months ago was normal.', 'lab')).toEqual([]);
    expect(findings('Lipid Panel: non-HDL 178 mg/dL.', 'lab').map((f) => f.variables.LBTESTCD)).not.toContain(
      'HDL',
    );
    expect(findings('potassium chloride 20 mEq p.o. daily', 'lab')).toEqual([]);
  });
});
