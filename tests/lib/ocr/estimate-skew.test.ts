import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { estimateSkew, otsuThreshold } from '../../../lib/ocr/estimate-skew.ts';
import { notePng } from '../../fixtures/documents/fixtures.ts';

async function greyPixels(image: Buffer, rotate = 0) {
  const { data, info } = await sharp(image)
    .rotate(rotate, { background: '#ffffff' })
    .greyscale()
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { pixels: new Uint8Array(data), width: info.width, height: info.height };
}

describe('estimateSkew', () => {
  it.each([0, 2.5, -3, 1])('finds the rotation that undoes a %s° skew', async (degrees) => {
    const { pixels, width, height } = await greyPixels(notePng(1), degrees);
    const estimate = estimateSkew(pixels, width, height);
    expect(estimate.degrees).toBeCloseTo(-degrees, 0);
    expect(Math.abs(estimate.degrees + degrees)).toBeLessThanOrEqual(0.2);
  });

  it('returns 0 for a page without ink', () => {
    const blank = new Uint8Array(200 * 100).fill(250);
    expect(estimateSkew(blank, 200, 100)).toEqual({ degrees: 0, gain: 1 });
  });
});

describe('otsuThreshold', () => {
  it('separates two grey levels', () => {
    const pixels = new Uint8Array(1000).map((_, i) => (i % 4 === 0 ? 30 : 220));
    const t = otsuThreshold(pixels);
    expect(t).toBeGreaterThanOrEqual(30);
    expect(t).toBeLessThan(220);
  });
});
