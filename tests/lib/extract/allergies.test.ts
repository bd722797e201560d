import { describe, expect, it } from 'vitest';
import { findings, one } from './helpers.ts';

describe('allergies', () => {
  it('records "no known drug allergies" as a negated pre-specified MH allergy', () => {
    const f = one(
      'ALLERGIES:,  No known drug allergies.,PHYSICAL EXAMINATION:,GENERAL:',
      'allergy',
      'No known',
    );
    expect(f).toMatchObject({ domain: 'MH', assertion: 'negated', negated: true, section: 'allergies' });
    expect(f.variables).toEqual({ MHTERM: 'DRUG ALLERGY', MHCAT: 'ALLERGY', MHPRESP: 'Y', MHOCCUR: 'N' });
    expect(one('ACTIVITY: , NKDA.,BIRTH HISTORY:', 'allergy', 'NKDA').variables.MHTERM).toBe('DRUG ALLERGY');
    expect(
      one('# Allergies\nNo Known Allergies.\n\n# Medications', 'allergy', 'No Known').variables.MHTERM,
    ).toBe('ALLERGY');
  });

  it('reads "ALLERGIES: None." from the section', () => {
    const f = one('MEDICATIONS: , None.,ALLERGIES: , None.,REVIEW OF SYSTEMS: , Denies', 'allergy', 'None');
    expect(f.assertion).toBe('negated');
    expect(f.text).toBe('None');
  });

  it('reads substances and reactions', () => {
    const text =
      'ALLERGIES TO MEDICATIONS: , Bactrim which causes a rash.  The patient denies latex allergy.,SOCIAL HISTORY:';
    const bactrim = one(text, 'allergy', 'Bactrim');
    expect(bactrim.text).toBe('Bactrim which causes a rash');
    expect(bactrim.variables).toEqual({ MHTERM: 'Bactrim allergy', MHCAT: 'ALLERGY', MHREACT: 'rash' });
    expect(one(text, 'allergy', 'latex')).toMatchObject({
      assertion: 'negated',
      variables: { MHTERM: 'latex allergy' },
    });
    // The reaction is not also a condition.
    expect(findings(text).filter((f) => f.kind !== 'allergy')).toEqual([]);
  });

  it('reads lists and "allergic to" outside the section', () => {
    const list = findings(
      'ALLERGIES: , PENICILLIN and ADHESIVE TAPE.,FAMILY HISTORY: , Significant',
      'allergy',
    );
    expect(list.map((f) => f.variables.MHTERM)).toEqual(['PENICILLIN allergy', 'ADHESIVE TAPE allergy']);
    expect(one('He is allergic to Penicillin.', 'allergy', 'Penicillin').variables.MHTERM).toBe(
      'Penicillin allergy',
    );
    expect(one('Allergic to sulfa (hives).', 'allergy', 'sulfa').variables.MHREACT).toBe('hives');
  });

  it('does not turn an allergy cue into a list of everything after it', () => {
    const text = 'He had an allergic reaction to medication and was placed on codeine and antibiotics.';
    expect(findings(text, 'allergy')).toEqual([]);
    expect(one(text, 'medication', 'codeine').kind).toBe('medication');
  });
});
