/**
 * IEEE 754 double <-> IBM System/360 hexadecimal floating point, as SAS XPORT stores numeric values.
 *
 * IBM layout (8 bytes, big-endian): 1 sign bit, 7-bit exponent in excess-64 base 16, 56-bit fraction F.
 * Value = (-1)^s × F × 2^-56 × 16^(E-64); normalised when the first hex digit of F is non-zero. Zero is
 * all 0x00. A stored length below 8 drops trailing fraction bytes (SAS truncates, it does not round).
 *
 * - Writing is exact for every finite double with |x| < 16^63 = 2^252: the 53-bit significand shifted left
 *   by 0–3 bits fits the 56-bit fraction. Below 16^-65 (≈5.4e-79, the smallest normalised IBM value) the
 *   value is stored denormalised (exponent 0), rounded half-to-even, and becomes 0 below 2^-313.
 * - Reading rounds the 56-bit fraction to 53 bits once, half-to-even: the result is the double nearest
 *   to the IBM value.
 * - Missing values: `.` is 0x2E, `._` is 0x5F, `.A`–`.Z` are 0x41–0x5A, followed by zero bytes. The reader
 *   checks for them before decoding, because 0x41 followed by zeros would otherwise decode as 0.
 */
import { specialMissing, type SasSpecialMissing, type SasSpecialMissingCode } from './sas-missing.ts';

/** Magnitudes at or above this overflow the IBM format (16^63 = 2^252 ≈ 7.24e75). */
export const IBM_OVERFLOW = 2 ** 252;

/** True when `x` can be stored as an IBM double: finite and |x| < 2^252. */
export function isIbmRepresentable(x: number): boolean {
  return Math.abs(x) < IBM_OVERFLOW;
}

const scratch = new DataView(new ArrayBuffer(8));

/** POW2[E] = 2^(4·(E−64) − 56): the scale of a 56-bit integer fraction with exponent byte E. */
const POW2: Float64Array = (() => {
  const table = new Float64Array(128);
  for (let e = 0; e < 128; e++) table[e] = 2 ** (4 * (e - 64) - 56);
  return table;
})();

/**
 * Writes `value` as an IBM double into `out[offset .. offset+length)` (length 2–8; shorter lengths keep
 * the leading bytes, as SAS does). Throws RangeError for NaN, ±Infinity and |value| ≥ 2^252.
 */
export function writeIbmFloat(value: number, out: Uint8Array, offset: number, length = 8): void {
  if (value === 0) {
    out.fill(0, offset, offset + length);
    return;
  }
  if (!(Math.abs(value) < IBM_OVERFLOW)) {
    throw new RangeError(`${value} cannot be stored as an IBM double (finite, |x| < 2^252 required)`);
  }
  scratch.setFloat64(0, value);
  const hi = scratch.getUint32(0);
  const lo = scratch.getUint32(4);
  const sign = hi >>> 31;
  const biased = (hi >>> 20) & 0x7ff;
  if (biased === 0) {
    // IEEE subnormal (< 2^-1022): far below the smallest IBM value (2^-312), so it rounds to zero.
    out.fill(0, offset, offset + length);
    return;
  }
  const e = biased - 1023; // value = M · 2^(e-52), M = 1.mantissa in [2^52, 2^53)
  const k = e & 3; // shift so that e + 4 - k is a multiple of 4
  let exponent = ((e + 4 - k) >> 2) + 64;
  const mHi = (hi & 0xfffff) | 0x100000; // top 21 bits of M
  let fHi = k === 0 ? mHi : ((mHi << k) | (lo >>> (32 - k))) >>> 0; // top 24 bits of F = M << k
  let fLo = (lo << k) >>> 0; // low 32 bits of F
  if (exponent < 0) {
    // Gradual underflow: exponent 0 with the fraction shifted right 4 bits per missing step, rounded half-even.
    [fHi, fLo] = shiftRightRoundEven(fHi, fLo, 4 * -exponent);
    exponent = 0;
    if (fHi === 0 && fLo === 0) {
      out.fill(0, offset, offset + length);
      return;
    }
  }
  const first = (sign << 7) | exponent;
  if (length === 8) {
    out[offset] = first;
    out[offset + 1] = fHi >>> 16;
    out[offset + 2] = fHi >>> 8;
    out[offset + 3] = fHi;
    out[offset + 4] = fLo >>> 24;
    out[offset + 5] = fLo >>> 16;
    out[offset + 6] = fLo >>> 8;
    out[offset + 7] = fLo;
    return;
  }
  const bytes = [first, fHi >>> 16, fHi >>> 8, fHi, fLo >>> 24, fLo >>> 16, fLo >>> 8, fLo];
  for (let i = 0; i < length; i++) out[offset + i] = bytes[i] & 0xff;
}

/** (hi·2^32 + lo) / 2^shift rounded half-to-even, as [hi, lo]. Rare path (|x| < 16^-65), so BigInt is fine. */
function shiftRightRoundEven(hi: number, lo: number, shift: number): [number, number] {
  const f = (BigInt(hi) << 32n) | BigInt(lo);
  const s = BigInt(shift);
  let q = f >> s;
  const rem = f - (q << s);
  const half = 1n << (s - 1n);
  if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
  return [Number(q >> 32n), Number(q & 0xffffffffn)];
}

/** Writes a SAS missing value: `'.'` (ordinary), `'_'` or `'A'`–`'Z'` (special): marker byte, then zeros. */
export function writeSasMissing(
  code: '.' | SasSpecialMissingCode,
  out: Uint8Array,
  offset: number,
  length = 8,
): void {
  out[offset] = code.charCodeAt(0);
  out.fill(0, offset + 1, offset + length);
}

/**
 * Reads an IBM double of `length` bytes (2–8) at `offset`. Returns a number, `null` for `.`, or a
 * `SasSpecialMissing` for `._` and `.A`–`.Z`. Never returns -0.
 */
export function readIbmFloat(buf: Uint8Array, offset: number, length = 8): number | null | SasSpecialMissing {
  const b0 = buf[offset];
  let restZero = true;
  for (let i = 1; i < length; i++) {
    if (buf[offset + i] !== 0) {
      restZero = false;
      break;
    }
  }
  if (restZero) {
    if (b0 === 0x2e) return null;
    if (b0 === 0x5f || (b0 >= 0x41 && b0 <= 0x5a)) {
      return specialMissing(String.fromCharCode(b0) as SasSpecialMissingCode);
    }
    return 0; // zero fraction: the value is 0 whatever the exponent and sign
  }
  let fHi: number;
  let fLo: number;
  if (length === 8) {
    fHi = (buf[offset + 1] << 16) | (buf[offset + 2] << 8) | buf[offset + 3];
    fLo =
      ((buf[offset + 4] << 24) | (buf[offset + 5] << 16) | (buf[offset + 6] << 8) | buf[offset + 7]) >>> 0;
  } else {
    fHi = 0;
    fLo = 0;
    for (let i = 1; i < 8; i++) {
      const byte = i < length ? buf[offset + i] : 0;
      if (i < 4) fHi = (fHi << 8) | byte;
      else fLo = ((fLo << 8) | byte) >>> 0;
    }
  }
  // fHi·2^32 is exact; adding fLo rounds once (half-to-even); the power-of-two scale is exact.
  const magnitude = (fHi * 4294967296 + fLo) * POW2[b0 & 0x7f];
  return b0 & 0x80 ? -magnitude : magnitude;
}

/** The 8 IBM bytes of a value (`null` = `.`). Convenience for tests and one-off use. */
export function ieeeToIbm(value: number | null | SasSpecialMissing, length = 8): Uint8Array {
  const out = new Uint8Array(length);
  if (value === null) writeSasMissing('.', out, 0, length);
  else if (typeof value === 'number') writeIbmFloat(value, out, 0, length);
  else writeSasMissing(value.missing, out, 0, length);
  return out;
}

/** Decodes IBM bytes (length 2–8) to a double, `null` (`.`) or a special missing value. */
export function ibmToIeee(bytes: Uint8Array): number | null | SasSpecialMissing {
  if (bytes.length < 2 || bytes.length > 8) {
    throw new RangeError(`an IBM double has 2 to 8 bytes, got ${bytes.length}`);
  }
  return readIbmFloat(bytes, 0, bytes.length);
}
