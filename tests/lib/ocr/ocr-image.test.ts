/**
 * OCR of the committed note images with the bundled English model. Kept to a handful of small images: each
 * recognition takes about a second on one core.
 */
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { characterErrorRate } from '../../../lib/ocr/character-error-rate.ts';
import { ocrImage } from '../../../lib/ocr/ocr-image.ts';
import type { OcrPageResult } from '../../../lib/ocr/ocr-types.ts';
import { shutdownOcr } from '../../../lib/ocr/ocr-worker.ts';
import { notePng } from '../../fixtures/documents/fixtures.ts';
import { NOTE_1, NOTE_2 } from '../../fixtures/documents/note-texts.ts';

afterAll(async () => {
  await shutdownOcr();
});

function expectExactOffsets(result: OcrPageResult) {
  expect(result.words.length).toBeGreaterThan(5);
  for (const word of result.words) expect(result.text.slice(word.start, word.end)).toBe(word.text);
}

const centre = (b: { x: number; y: number; width: number; height: number }) => [
  b.x + b.width / 2,
  b.y + b.height / 2,
];

describe('ocrImage', () => {
  let straight: OcrPageResult;

  it('reads a typed note with word offsets, confidences and boxes', async () => {
    straight = await ocrImage(notePng(1), { page: 4 });
    expect(characterErrorRate(straight.text, NOTE_1)).toBeLessThanOrEqual(0.02);
    expect(straight.text).toContain('138/86 mmHg');
    expect(straight.text).toContain('lisinopril 10 mg');
    expectExactOffsets(straight);
    expect(straight).toMatchObject({ width: 1961, height: 515, deskewDegrees: 0 });
    expect(straight.confidence).toBeGreaterThan(0.85);
    const first = straight.words[0];
    expect(first).toMatchObject({ text: 'HISTORY', page: 4, lowConfidence: false });
    // The text starts at the 100 px margin; cap height at 11 pt / 300 dpi is about 33 px.
    expect(first.box.x).toBeGreaterThanOrEqual(95);
    expect(first.box.x).toBeLessThanOrEqual(110);
    expect(first.box.y).toBeGreaterThanOrEqual(95);
    expect(first.box.height).toBeGreaterThan(25);
    expect(first.box.height).toBeLessThan(50);
    for (const word of straight.words) {
      expect(word.confidence).toBeGreaterThanOrEqual(0);
      expect(word.confidence).toBeLessThanOrEqual(1);
      expect(word.lowConfidence).toBe(word.confidence < 0.6);
    }
  });

  it('straightens a skewed scan and maps boxes back onto the skewed input', async () => {
    const degrees = 2.5;
    const skewed = await sharp(notePng(1)).rotate(degrees, { background: '#ffffff' }).png().toBuffer();
    const meta = await sharp(skewed).metadata();
    const result = await ocrImage(skewed);
    expect(result.deskewDegrees).toBeCloseTo(-degrees, 0);
    expect(characterErrorRate(result.text, NOTE_1)).toBeLessThanOrEqual(0.03);
    expectExactOffsets(result);
    // Where the straight page's word centres land after sharp's rotation (about the centre, canvas grown).
    const r = (degrees * Math.PI) / 180;
    for (const text of ['HISTORY', 'penicillin', 'saturation']) {
      const [sx, sy] = centre(straight.words.find((w) => w.text === text)!.box);
      const dx = sx - 1961 / 2;
      const dy = sy - 515 / 2;
      const expected = [
        meta.width! / 2 + dx * Math.cos(r) - dy * Math.sin(r),
        meta.height! / 2 + dx * Math.sin(r) + dy * Math.cos(r),
      ];
      const [x, y] = centre(result.words.find((w) => w.text.startsWith(text))!.box);
      expect(Math.abs(x - expected[0])).toBeLessThan(8);
      expect(Math.abs(y - expected[1])).toBeLessThan(8);
    }
  });

  it('flags words under the configured confidence threshold', async () => {
    const result = await ocrImage(notePng(2), { lowConfidenceThreshold: 1.01 });
    expect(characterErrorRate(result.text, NOTE_2)).toBeLessThanOrEqual(0.02);
    expect(result.words.every((w) => w.lowConfidence)).toBe(true);
  });

  it('queues concurrent calls on one worker and starts a new worker after shutdown', async () => {
    await shutdownOcr();
    const small = await sharp(notePng(2))
      .extract({ left: 0, top: 0, width: 1942, height: 180 })
      .png()
      .toBuffer();
    const [a, b] = await Promise.all([ocrImage(small), ocrImage(small, { page: 2 })]);
    expect(a.text).toBe(b.text);
    expect(a.text).toContain('ASSESSMENT AND PLAN');
    expect(b.words[0].page).toBe(2);
  });

  it('reports an undecodable image as IMAGE_DECODE_FAILED', async () => {
    const png = notePng(2);
    await expect(ocrImage(png.subarray(0, 200))).rejects.toMatchObject({ code: 'IMAGE_DECODE_FAILED' });
  });
});
