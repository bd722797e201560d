import { describe, expect, it } from 'vitest';
import { findings, one } from './helpers.ts';

describe('medications: routes from forms, concentrations, combinations', () => {
  it('derives the route only from forms that leave no doubt', () => {
    const text =
      'MEDICATIONS: Atorvastatin 40 mg tablet daily. Albuterol inhaler as needed. Saline solution daily.';
    expect(one(text, 'medication', 'Atorvastatin').variables).toMatchObject({
      CMDOSFRM: 'TABLET',
      CMROUTE: 'ORAL',
    });
    expect(one(text, 'medication', 'Albuterol').variables).toMatchObject({
      CMROUTE: 'RESPIRATORY (INHALATION)',
      CMDOSFRQ: 'PRN',
    });
    expect(one('Start Alvesco, 2 puffs twice daily.', 'medication', 'Alvesco').variables).toMatchObject({
      CMDOSE: 2,
      CMDOSU: 'PUFF',
      CMROUTE: 'RESPIRATORY (INHALATION)',
      CMDOSFRQ: 'BID',
    });
    expect(one('mirena 52 mg intrauterine system', 'medication', 'mirena').variables.CMROUTE).toBe(
      'INTRAUTERINE',
    );
    // "injection" alone gives no route.
    expect(one('1 ml epoetin alfa 4000 unt/ml injection', 'medication', 'epoetin').variables.CMROUTE).toBe(
      undefined,
    );
  });

  it('keeps a strength per mL as the dose only when nothing else is written and CT has the unit', () => {
    const text =
      '# Medications\ninsulin isophane, human 70 unt/ml / insulin, regular, human 30 unt/ml injectable suspension [humulin]; nitrofurantoin 5 mg/ml oral suspension';
    expect(one(text, 'medication', 'insulin isophane, human').variables).toMatchObject({
      CMTRT: 'insulin isophane, human',
      CMDOSE: 70,
      CMDOSU: 'U/mL',
    });
    expect(one(text, 'medication', 'insulin, regular, human').variables).toMatchObject({
      CMDOSE: 30,
      CMDOSU: 'U/mL',
    });
    // CDISC UNIT has no mg/mL: no dose rather than a unit outside CT.
    expect(one(text, 'medication', 'nitrofurantoin').variables.CMDOSE).toBeUndefined();
    // The bracketed brand is the same product, not a second medication.
    expect(findings(text, 'medication').some((f) => f.text.includes('humulin'))).toBe(false);
  });

  it('splits the strengths of a generic combination and shares its route and frequency', () => {
    const text =
      'CURRENT MEDICATIONS\n\nLisinopril/hydrochlorothiazide 20/25 mg tablet. Take 1 tablet daily.\n';
    expect(one(text, 'medication', 'Lisinopril').variables).toMatchObject({
      CMDOSE: 20,
      CMDOSU: 'mg',
      CMROUTE: 'ORAL',
      CMDOSFRQ: 'QD',
    });
    expect(one(text, 'medication', 'hydrochlorothiazide').variables).toMatchObject({
      CMDOSE: 25,
      CMROUTE: 'ORAL',
      CMDOSFRQ: 'QD',
    });
    const synthea = 'amoxicillin 250 mg / clavulanate 125 mg oral tablet';
    expect(one(synthea, 'medication', 'amoxicillin').variables).toMatchObject({
      CMDOSE: 250,
      CMROUTE: 'ORAL',
    });
  });

  it('reads the instruction sentence of a list item, labelled sigs, weekly counts and pills', () => {
    expect(
      one('MEDICATIONS\nMetoprolol 50 mg tablet. Take 1 tablet daily.\n', 'medication', 'Metoprolol')
        .variables,
    ).toMatchObject({ CMDOSE: 50, CMDOSU: 'mg', CMROUTE: 'ORAL', CMDOSFRQ: 'QD' });
    expect(
      one('PRESCRIPTIONS: Proscar Dosage: 5 mg tablet Sig: once daily', 'medication', 'Proscar').variables,
    ).toMatchObject({ CMDOSE: 5, CMROUTE: 'ORAL', CMDOSFRQ: 'QD' });
    expect(
      one('She has been taking Zyrtec 3 days per week.', 'medication', 'Zyrtec').variables.CMDOSFRQ,
    ).toBe('3 TIMES PER WEEK');
    expect(one('MEDICATIONS: Bactrim DS one pill a day.', 'medication', 'Bactrim').variables).toMatchObject({
      CMDOSE: 1,
      CMDOSU: 'TABLET',
      CMROUTE: 'ORAL',
    });
  });

  it('counts a weak name with a ratio strength and knows common brands', () => {
    const text = 'a total of 7.2 mL of lidocaine 2% with 1:100,000 epinephrine, and 1.0 cc of Celestone.';
    expect(one(text, 'medication', 'epinephrine').variables.CMTRT).toBe('epinephrine');
    expect(one(text, 'medication', 'Celestone').variables).toMatchObject({ CMDOSE: 1, CMDOSU: 'mL' });
    expect(findings('I will refill her EpiPen today.', 'medication').map((f) => f.text)).toEqual(['EpiPen']);
    // "epinephrine" alone in prose stays a weak name (also a hormone).
    expect(findings('Epinephrine levels were normal.', 'medication')).toEqual([]);
  });
});
