import { describe, expect, it } from 'vitest';
import { findings, one } from './helpers.ts';

describe('allergies: more statement forms', () => {
  it('reads an anaphylactic reaction due to a substance, in either number', () => {
    const f = one('Anaphylactic reaction due to peanuts.', 'allergy', 'peanuts');
    expect(f.variables.MHTERM).toBe('peanuts allergy');
    expect(one('Food allergies to peanut and tree nuts.', 'allergy', 'peanut').negated).toBe(false);
  });

  it('reads "X causes <reaction>" as an intolerance with its reaction', () => {
    const f = one('He also notes methylprednisolone causes his to itch.', 'allergy', 'methylprednisolone');
    expect(f.variables.MHREACT).toBe('itch');
    expect(findings('He also notes methylprednisolone causes his to itch.', 'medication')).toEqual([]);
  });

  it('keeps a combination product as one substance', () => {
    const text = '# Allergies\ntree nut (substance), sulfamethoxazole / trimethoprim\n\n# Medications\n';
    expect(findings(text, 'allergy').map((f) => f.text)).toEqual([
      'tree nut',
      'sulfamethoxazole / trimethoprim',
    ]);
  });

  it('does not read culture susceptibilities as allergies', () => {
    const text =
      'Pseudomonas urinary tract infection, positive culture sensitive to ceftazidime and ciprofloxacin.';
    expect(findings(text, 'allergy')).toEqual([]);
  });
});
