/**
 * IEEE double <-> IBM hexadecimal float: TS-140 vectors, SAS missing values, and property tests on many
 * values checked against BigInt oracles written independently of lib/sdtm/xpt/ibm-float.ts (the encoder
 * oracle searches the exponent; the decoder oracle rounds the exact fraction half-to-even by hand).
 */
import { describe, expect, it } from 'vitest';
import {
  IBM_OVERFLOW,
  ibmToIeee,
  ieeeToIbm,
  readIbmFloat,
  writeIbmFloat,
} from '../../../../lib/sdtm/xpt/ibm-float.ts';
import { specialMissing, type SasSpecialMissingCode } from '../../../../lib/sdtm/xpt/sas-missing.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** Seeded PRNG (mulberry32), so failures reproduce. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A double from 64 random bits, restricted to finite values. */
function randomDouble(random: () => number): number {
  const view = new DataView(new ArrayBuffer(8));
  for (;;) {
    view.setUint32(0, Math.floor(random() * 2 ** 32));
    view.setUint32(4, Math.floor(random() * 2 ** 32));
    const x = view.getFloat64(0);
    if (Number.isFinite(x)) return x;
  }
}

/** Exact decomposition x = m · 2^q with m a BigInt (no rounding). */
function decompose(x: number): { negative: boolean; m: bigint; q: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  return biased === 0
    ? { negative, m: fraction, q: -1074 }
    : { negative, m: fraction | (1n << 52n), q: biased - 1075 };
}

/** Oracle encoder: try every exponent, keep the one whose exact fraction is a normalised 56-bit integer. */
function oracleEncode(x: number): string {
  if (x === 0) return '0000000000000000';
  const { negative, m, q } = decompose(x);
  for (let e = 0; e < 128; e++) {
    const s = q + 56 - 4 * (e - 64); // F = m · 2^s
    let f: bigint;
    if (s >= 0) f = m << BigInt(s);
    else if (m % (1n << BigInt(-s)) === 0n) f = m >> BigInt(-s);
    else continue;
    if (f >= 1n << 52n && f < 1n << 56n) {
      return ((negative ? 0x80 : 0) | e).toString(16).padStart(2, '0') + f.toString(16).padStart(14, '0');
    }
  }
  throw new Error(`no normalised IBM form for ${x}`);
}

/** Oracle decoder: exact value F · 2^(4(E−64)−56), F rounded to 53 bits half-to-even by hand. */
function oracleDecode(bytes: Uint8Array): number {
  const e = bytes[0] & 0x7f;
  let f = BigInt(`0x${hex(bytes.subarray(1))}`);
  let scale = 4 * (e - 64) - 56;
  const bitLength = f.toString(2).length;
  if (f !== 0n && bitLength > 53) {
    const shift = BigInt(bitLength - 53);
    const q = f >> shift;
    const rem = f - (q << shift);
    const half = 1n << (shift - 1n);
    f = rem > half || (rem === half && (q & 1n) === 1n) ? q + 1n : q;
    scale += Number(shift);
  }
  const value = Number(f) * 2 ** scale; // f < 2^54 exact; 2^scale exact and in range
  return bytes[0] & 0x80 ? -value : value;
}

describe('IBM float: TS-140 vectors and fixed values', () => {
  it.each([
    [1, '4110000000000000'],
    [-1, 'c110000000000000'],
    [2, '4120000000000000'],
    [3, '4130000000000000'],
    [0.5, '4080000000000000'],
    [0.1, '401999999999999a'],
    [100, '4264000000000000'],
    [-118.625, 'c276a00000000000'],
    [0, '0000000000000000'],
    [-0, '0000000000000000'],
  ])('%s -> %s', (value, expected) => {
    expect(hex(ieeeToIbm(value))).toBe(expected);
    expect(ibmToIeee(Buffer.from(expected, 'hex'))).toBe(value === 0 ? 0 : value);
  });

  it('encodes the ordinary missing value and every special missing value as SAS does', () => {
    expect(hex(ieeeToIbm(null))).toBe('2e00000000000000');
    expect(ibmToIeee(Buffer.from('2e00000000000000', 'hex'))).toBeNull();
    for (const code of '_ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
      const bytes = ieeeToIbm(specialMissing(code as SasSpecialMissingCode));
      expect(bytes[0]).toBe(code.charCodeAt(0));
      expect([...bytes.subarray(1)]).toEqual([0, 0, 0, 0, 0, 0, 0]);
      expect(ibmToIeee(bytes)).toEqual({ missing: code });
    }
  });

  it('reads 0x41 followed by zeros as the special missing value .A, not as a number', () => {
    expect(ibmToIeee(Buffer.from('4100000000000000', 'hex'))).toEqual({ missing: 'A' });
  });

  it('reads unnormalised fractions written by other software', () => {
    // 0x42 0x01 ... = 1/256 · 16^2 = 1
    expect(ibmToIeee(Buffer.from('4201000000000000', 'hex'))).toBe(1);
    expect(ibmToIeee(Buffer.from('c300100000000000', 'hex'))).toBe(-1);
  });

  it('refuses NaN, infinities and overflow, and rounds the tiniest values to zero or denormals', () => {
    const out = new Uint8Array(8);
    for (const bad of [NaN, Infinity, -Infinity, IBM_OVERFLOW, -IBM_OVERFLOW, 1e76, Number.MAX_VALUE]) {
      expect(() => writeIbmFloat(bad, out, 0)).toThrow(RangeError);
    }
    // Largest double below 16^63 is still representable exactly.
    const largest = IBM_OVERFLOW * (1 - 2 ** -53);
    expect(ibmToIeee(ieeeToIbm(largest))).toBe(largest);
    expect(hex(ieeeToIbm(largest))).toBe(oracleEncode(largest));
    // 16^-65 is the smallest normalised IBM value; below it the fraction is denormalised, then zero.
    expect(ibmToIeee(ieeeToIbm(16 ** -65))).toBe(16 ** -65);
    expect(hex(ieeeToIbm(16 ** -65))).toBe('0010000000000000');
    expect(hex(ieeeToIbm(16 ** -66))).toBe('0001000000000000');
    expect(hex(ieeeToIbm(2 ** -312))).toBe('0000000000000001');
    expect(hex(ieeeToIbm(2 ** -313))).toBe('0000000000000000'); // a tie, rounds to even (0)
    expect(hex(ieeeToIbm(1.5 * 2 ** -313))).toBe('0000000000000001');
    expect(hex(ieeeToIbm(-3 * 2 ** -313))).toBe('8000000000000002'); // 1.5 ulp: tie to even (2)
    expect(hex(ieeeToIbm(Number.MIN_VALUE))).toBe('0000000000000000');
  });

  it('truncates (does not round) when the stored length is below 8, as SAS does', () => {
    const bytes = ieeeToIbm(0.1, 4);
    expect(hex(bytes)).toBe('40199999');
    expect(readIbmFloat(bytes, 0, 4)).toBe(0x199999 / 2 ** 24);
    expect(readIbmFloat(ieeeToIbm(12345, 3), 0, 3)).toBe(12345); // integers < 2^16 survive length 3
    expect(readIbmFloat(ieeeToIbm(null, 3), 0, 3)).toBeNull();
  });
});

describe('IBM float: property tests', () => {
  const roundTrip = (x: number) => ibmToIeee(ieeeToIbm(x));

  it('round-trips every integer in [-100000, 100000] exactly', () => {
    for (let i = -100_000; i <= 100_000; i++) {
      if (roundTrip(i) !== i) throw new Error(`integer ${i} did not round-trip`);
    }
  });

  it('round-trips integers up to 2^53 and powers of two over the whole IBM range exactly', () => {
    const random = rng(1);
    for (let i = 0; i < 20_000; i++) {
      const n = Math.floor(random() * 2 ** 53) * (random() < 0.5 ? -1 : 1);
      expect(roundTrip(n)).toBe(n);
    }
    for (let p = -260; p < 252; p++) {
      expect(roundTrip(2 ** p)).toBe(2 ** p);
      expect(roundTrip(-(2 ** p))).toBe(-(2 ** p));
    }
  });

  it('round-trips decimal fractions, large and small magnitudes and random bit patterns exactly', () => {
    const random = rng(2);
    const values: number[] = [];
    for (let i = 0; i < 20_000; i++) values.push(Math.round(random() * 1e6) / 10 ** Math.floor(random() * 7));
    for (let i = 0; i < 20_000; i++) values.push((random() - 0.5) * 10 ** (Math.floor(random() * 150) - 75));
    let inRange = 0;
    while (inRange < 50_000) {
      const x = randomDouble(random);
      if (Math.abs(x) >= IBM_OVERFLOW || Math.abs(x) < 16 ** -65) continue;
      values.push(x);
      inRange++;
    }
    values.push(Number.EPSILON, 1 + Number.EPSILON, 0.1 + 0.2, Math.PI, -Math.E, 1e-78, 7.2e75, 5.4e-79);
    for (const x of values) {
      const bytes = ieeeToIbm(x);
      if (hex(bytes) !== oracleEncode(x))
        throw new Error(`${x}: encoded ${hex(bytes)}, oracle ${oracleEncode(x)}`);
      if (ibmToIeee(bytes) !== x) throw new Error(`${x} did not round-trip (got ${ibmToIeee(bytes)})`);
    }
    expect(values.length).toBeGreaterThan(90_000);
  });

  it('decodes random IBM bit patterns to the correctly rounded double', () => {
    const random = rng(3);
    const bytes = new Uint8Array(8);
    let ties = 0;
    for (let i = 0; i < 100_000; i++) {
      for (let k = 0; k < 8; k++) bytes[k] = Math.floor(random() * 256);
      // Every 10th pattern ends in binary 100: an exact tie when the fraction has 56 significant bits.
      if (i % 10 === 0) bytes[7] = (bytes[7] & 0xf8) | 0x04;
      const value = readIbmFloat(bytes, 0);
      if (typeof value !== 'number') continue; // a missing-value pattern
      const expected = oracleDecode(bytes);
      if (value !== expected && !(value === 0 && expected === 0)) {
        throw new Error(`${hex(bytes)}: got ${value}, expected ${expected}`);
      }
      if ((bytes[1] & 0xf0) !== 0 && (bytes[7] & 0x07) === 0x04) ties++;
    }
    expect(ties).toBeGreaterThan(1000);
  });
});
