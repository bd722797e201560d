/** Value comparison across producers and formats: trailing blanks, missing values, numeric tolerance. */
import { describe, expect, it } from 'vitest';
import { keyText, valuesEqual } from '../../../../lib/sdtm/compare/values-equal.ts';

describe('valuesEqual', () => {
  it('ignores trailing blanks (XPT pads text) but not leading blanks or case', () => {
    expect(valuesEqual('SYSBP   ', 'SYSBP')).toBe(true);
    expect(valuesEqual(' SYSBP', 'SYSBP')).toBe(false);
    expect(valuesEqual('sysbp', 'SYSBP')).toBe(false);
  });

  it('treats empty text and a missing value as the same, but not as zero', () => {
    expect(valuesEqual('', null)).toBe(true);
    expect(valuesEqual('   ', null)).toBe(true);
    expect(valuesEqual(null, 0)).toBe(false);
    expect(valuesEqual('', 'Y')).toBe(false);
  });

  it('compares numbers with a small relative tolerance', () => {
    expect(valuesEqual(0.1 + 0.2, 0.3)).toBe(true);
    expect(valuesEqual(36.6, 36.600000000001)).toBe(true);
    expect(valuesEqual(36.6, 36.7)).toBe(false);
    expect(valuesEqual(1e12, 1e12 + 1)).toBe(true);
    expect(valuesEqual(1e12, 1e12 + 10_000)).toBe(false);
    expect(valuesEqual(36.6, 36.7, 0.01)).toBe(true);
  });

  it('compares a number with text that reads as that number', () => {
    expect(valuesEqual(1, '1')).toBe(true);
    expect(valuesEqual('2.50', 2.5)).toBe(true);
    expect(valuesEqual(1, '1A')).toBe(false);
  });
});

describe('keyText', () => {
  it('gives the same key text for the same value from XPT and CSV', () => {
    expect(keyText('2024-01-02  ')).toBe('2024-01-02');
    expect(keyText(1)).toBe(keyText('1'));
    expect(keyText(0.1 + 0.2)).toBe(keyText(0.3));
    expect(keyText(null)).toBe('');
  });
});
