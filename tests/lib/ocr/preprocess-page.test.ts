import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { preprocessPage, unrotateBox } from '../../../lib/ocr/preprocess-page.ts';
import { notePng } from '../../fixtures/documents/fixtures.ts';

/** Bounding box of the pixels darker than 128 in an image. */
async function inkBox(image: Buffer) {
  const { data, info } = await sharp(image)
    .greyscale()
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  let [x0, y0, x1, y1] = [Infinity, Infinity, -1, -1];
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      if (data[y * info.width + x] < 128) {
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x + 1);
        y1 = Math.max(y1, y + 1);
      }
    }
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

describe('unrotateBox', () => {
  it('maps a box found on a sharp-rotated image back onto the original', async () => {
    const square = { x: 300, y: 80, width: 40, height: 40 };
    const original = await sharp({ create: { width: 500, height: 300, channels: 3, background: '#ffffff' } })
      .composite([
        {
          input: await sharp({ create: { ...square, channels: 3, background: '#000000' } })
            .png()
            .toBuffer(),
          left: square.x,
          top: square.y,
        },
      ])
      .png()
      .toBuffer();
    for (const degrees of [3, -2.5]) {
      const rotated = await sharp(original).rotate(degrees, { background: '#ffffff' }).png().toBuffer();
      const meta = await sharp(rotated).metadata();
      const back = unrotateBox(await inkBox(rotated), degrees, 500, 300, meta.width!, meta.height!);
      // The bounding box of a rotated square is a little larger: allow a few pixels.
      expect(Math.abs(back.x - square.x)).toBeLessThanOrEqual(4);
      expect(Math.abs(back.y - square.y)).toBeLessThanOrEqual(4);
      expect(Math.abs(back.width - square.width)).toBeLessThanOrEqual(8);
      expect(Math.abs(back.height - square.height)).toBeLessThanOrEqual(8);
    }
  });
});

describe('preprocessPage', () => {
  it('straightens a skewed page and reports the rotation', async () => {
    const skewed = await sharp(notePng(1)).rotate(2.5, { background: '#ffffff' }).png().toBuffer();
    const page = await preprocessPage(skewed);
    expect(page.deskewDegrees).toBeCloseTo(-2.5, 0);
    expect(page.blank).toBe(false);
    const meta = await sharp(page.png).metadata();
    expect(meta.channels).toBe(1);
  });

  it('leaves a straight page unrotated and inverts white-on-black text', async () => {
    const straight = await preprocessPage(notePng(1));
    expect(straight.deskewDegrees).toBe(0);
    const negative = await sharp(notePng(1)).negate().png().toBuffer();
    const page = await preprocessPage(negative);
    const stats = await sharp(page.png).stats();
    // Mostly paper after inversion: a light mean.
    expect(stats.channels[0].mean).toBeGreaterThan(180);
  });

  it('flags a page with no contrast as blank', async () => {
    const grey = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#7f7f7f' } })
      .png()
      .toBuffer();
    expect((await preprocessPage(grey)).blank).toBe(true);
  });
});
