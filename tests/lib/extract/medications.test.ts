import { describe, expect, it } from 'vitest';
import { findings, one } from './helpers.ts';

describe('medications', () => {
  it('parses an MTSamples medication list into CM variables with CT values', () => {
    const text =
      'MEDICATIONS: , Crestor 20 mg p.o. daily, hydrochlorothiazide 20 mg p.o. daily, Veramist spray 27.5 mcg daily, Restasis twice a day and ibuprofen two to three times a day.,ALLERGIES TO MEDICATIONS: , Bactrim which causes a rash.';
    const crestor = one(text, 'medication', 'Crestor');
    expect(crestor.text).toBe('Crestor 20 mg p.o. daily');
    expect(crestor.domain).toBe('CM');
    expect(crestor.variables).toMatchObject({
      CMTRT: 'Crestor',
      CMDOSE: 20,
      CMDOSU: 'mg',
      CMROUTE: 'ORAL',
      CMDOSFRQ: 'QD',
      CMENRTPT: 'ONGOING',
    });
    expect(one(text, 'medication', 'hydrochlorothiazide').variables).toMatchObject({
      CMDOSE: 20,
      CMROUTE: 'ORAL',
    });
    // Bactrim sits in the allergy statement: an allergy, not a medication.
    expect(findings(text, 'medication').some((f) => f.text.includes('Bactrim'))).toBe(false);
  });

  it('parses twice-daily, interval and PRN frequencies', () => {
    const text =
      'CURRENT MEDICATIONS:,1.  Metoprolol 100 mg b.i.d.,2.  Diltiazem 120 mg daily.,3.  Hydrocodone 10/500 mg p.r.n.';
    expect(one(text, 'medication', 'Metoprolol').variables).toMatchObject({
      CMDOSE: 100,
      CMDOSU: 'mg',
      CMDOSFRQ: 'BID',
    });
    const hydrocodone = one(text, 'medication', 'Hydrocodone').variables;
    expect(hydrocodone.CMDOSFRQ).toBe('PRN');
    expect(hydrocodone.CMDOSE).toBeUndefined(); // "10/500 mg" is a combination strength, not one dose
    expect(
      one('He was given prescriptions for Vicodin ES 1 p.o. q.4h. p.r.n., pain.', 'medication', 'Vicodin')
        .variables,
    ).toMatchObject({
      CMROUTE: 'ORAL',
      CMDOSFRQ: 'Q4H',
    });
  });

  it('reads Synthea RxNorm-style lines: route and form from "oral tablet", strength not concentration', () => {
    const text =
      '# Medications\nacetaminophen 325 mg oral tablet; nitrofurantoin 5 mg/ml oral suspension; metformin hydrochloride 500 mg extended release oral tablet';
    expect(one(text, 'medication', 'acetaminophen').variables).toMatchObject({
      CMDOSE: 325,
      CMDOSU: 'mg',
      CMROUTE: 'ORAL',
      CMDOSFRM: 'TABLET',
    });
    const nitro = one(text, 'medication', 'nitrofurantoin').variables;
    expect(nitro.CMDOSE).toBeUndefined();
    expect(nitro.CMDOSFRM).toBe('SUSPENSION');
    expect(one(text, 'medication', 'metformin').variables.CMDOSFRM).toBe('TABLET, EXTENDED RELEASE');
  });

  it('reads ACI-Bench phrasing ("once daily", "twice a day") and brand names', () => {
    const text =
      'She states she is doing well on the allopurinol 100 mg once daily and has had no further flare ups.';
    expect(one(text, 'medication', 'allopurinol').variables).toMatchObject({ CMDOSE: 100, CMDOSFRQ: 'QD' });
    expect(one('Continue Lasix 40 mg twice a day.', 'medication', 'Lasix').variables).toMatchObject({
      CMTRT: 'Lasix',
      CMDOSFRQ: 'BID',
      CMENRTPT: 'ONGOING',
    });
  });

  it('reads a route or dose written before the name', () => {
    expect(
      one('IV Toradol was given at the end of the procedure.', 'medication', 'Toradol').variables.CMROUTE,
    ).toBe('INTRAVENOUS');
    expect(one('The patient received 1 gm of Ancef IV push.', 'medication', 'Ancef').variables).toMatchObject(
      {
        CMDOSE: 1,
        CMDOSU: 'g',
        CMROUTE: 'INTRAVENOUS',
      },
    );
  });

  it('records status: new, stopped, current', () => {
    expect(one('He was started on Flomax at that time.', 'medication', 'Flomax').variables).toMatchObject({
      CMSTRTPT: 'COINCIDENT',
      CMENRTPT: 'ONGOING',
    });
    expect(one('The patient will discontinue Ditropan.', 'medication', 'Ditropan').variables.CMENRTPT).toBe(
      'BEFORE',
    );
    expect(one('She is on Coumadin and her INR is 2.5.', 'medication', 'Coumadin').variables.CMENRTPT).toBe(
      'ONGOING',
    );
  });

  it('negates "not on", keeps "without improvement" present', () => {
    expect(one('He is not on aspirin.', 'medication', 'aspirin').assertion).toBe('negated');
    expect(one('Tried ibuprofen without improvement.', 'medication', 'ibuprofen').assertion).toBe('present');
  });

  it('needs a dose, route or frequency for names that are also common words', () => {
    expect(findings('Iron studies were normal.', 'medication')).toEqual([]);
    expect(
      one('Ferrous sulfate 325 mg daily and iron 65 mg daily.', 'medication', 'iron').variables.CMDOSE,
    ).toBe(65);
  });

  it('never sets a value that is not written', () => {
    const f = one('Started on lisinopril.', 'medication', 'lisinopril');
    for (const k of ['CMDOSE', 'CMDOSU', 'CMROUTE', 'CMDOSFRQ', 'CMDOSFRM'])
      expect(f.variables[k]).toBeUndefined();
  });
});
