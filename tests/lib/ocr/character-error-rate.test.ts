import { describe, expect, it } from 'vitest';
import { characterErrorRate, editDistance } from '../../../lib/ocr/character-error-rate.ts';

function naiveDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}

function random(seed: number) {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describe('editDistance', () => {
  it('matches textbook cases', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
    expect(editDistance('flaw', 'lawn')).toBe(2);
  });

  it('agrees with the dynamic-programming definition on random strings across block boundaries', () => {
    const rnd = random(7);
    const alphabet = 'abcd e';
    for (let t = 0; t < 400; t++) {
      const a = Array.from({ length: Math.floor(rnd() * 140) }, () => alphabet[Math.floor(rnd() * 6)]).join(
        '',
      );
      const b =
        t % 2 === 0
          ? Array.from({ length: Math.floor(rnd() * 140) }, () => alphabet[Math.floor(rnd() * 6)]).join('')
          : [...a]
              .map((c) => (rnd() < 0.1 ? 'x' : c))
              .filter(() => rnd() > 0.05)
              .join('');
      expect(editDistance(a, b)).toBe(naiveDistance(a, b));
    }
  });
});

describe('characterErrorRate', () => {
  it('ignores differences in whitespace and line wrapping', () => {
    expect(characterErrorRate('Blood  pressure\n138/86', 'Blood pressure 138/86')).toBe(0);
  });

  it('divides the distance by the reference length', () => {
    expect(characterErrorRate('BP 138/88', 'BP 138/86')).toBeCloseTo(1 / 9);
    expect(characterErrorRate('', '')).toBe(0);
    expect(characterErrorRate('x', '')).toBe(1);
  });
});
