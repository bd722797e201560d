/**
 * readDocument on inputs that need OCR: PNG, JPEG, a two-page TIFF and a PDF page that is only an image. Small
 * images, a handful of recognitions (about a second each).
 */
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { PAGE_SEPARATOR, type ReadProgress, type ReadResult } from '../../../lib/documents/document-types.ts';
import { readDocument } from '../../../lib/documents/read-document.ts';
import { characterErrorRate } from '../../../lib/ocr/character-error-rate.ts';
import { shutdownOcr } from '../../../lib/ocr/ocr-worker.ts';
import { buildImagePdf } from '../../fixtures/documents/build-pdf.ts';
import { multiPageTiff, notePng, toJpeg } from '../../fixtures/documents/fixtures.ts';
import { NOTE_1, NOTE_2 } from '../../fixtures/documents/note-texts.ts';

afterAll(async () => {
  await shutdownOcr();
});

function expectExactOffsets(result: ReadResult) {
  for (const page of result.pages) {
    expect(page.words?.length).toBeGreaterThan(5);
    for (const word of page.words!) {
      expect(result.text.slice(word.start, word.end)).toBe(word.text);
      expect(word.page).toBe(page.number);
      expect(word.start).toBeGreaterThanOrEqual(page.start);
      expect(word.end).toBeLessThanOrEqual(page.end);
    }
  }
}

describe('readDocument with OCR', () => {
  it('reads a PNG and reports OCR progress', async () => {
    const progress: ReadProgress[] = [];
    const result = await readDocument(notePng(1), {
      filename: 'note.png',
      onProgress: (p) => progress.push(p),
    });
    expect(result.mimeType).toBe('image/png');
    expect(characterErrorRate(result.text, NOTE_1)).toBeLessThanOrEqual(0.02);
    expect(result.pages).toHaveLength(1);
    expect(result.pages[0]).toMatchObject({ number: 1, source: 'ocr', width: 1961, height: 515, start: 0 });
    expect(result.pages[0].end).toBe(result.text.length);
    expect(result.lowConfidenceWords).toBe(result.pages[0].words!.filter((w) => w.lowConfidence).length);
    expectExactOffsets(result);
    expect(progress).toEqual([
      { stage: 'detect' },
      { stage: 'ocr', page: 1, pages: 1 },
      { stage: 'done', pages: 1 },
    ]);
  });

  it('reads a JPEG', async () => {
    const result = await readDocument(await toJpeg(notePng(1), 75));
    expect(result.mimeType).toBe('image/jpeg');
    expect(characterErrorRate(result.text, NOTE_1)).toBeLessThanOrEqual(0.02);
    expectExactOffsets(result);
  });

  it('reads every page of a multi-page TIFF and joins them with a form feed', async () => {
    const progress: ReadProgress[] = [];
    const tiff = await multiPageTiff([notePng(1), notePng(2)]);
    const result = await readDocument(tiff, { onProgress: (p) => progress.push(p) });
    expect(result.mimeType).toBe('image/tiff');
    expect(result.pages.map((p) => p.number)).toEqual([1, 2]);
    const [first, second] = result.pages;
    expect(result.text.charAt(first.end)).toBe(PAGE_SEPARATOR);
    expect(second.start).toBe(first.end + PAGE_SEPARATOR.length);
    expect(characterErrorRate(result.text.slice(first.start, first.end), NOTE_1)).toBeLessThanOrEqual(0.02);
    expect(characterErrorRate(result.text.slice(second.start, second.end), NOTE_2)).toBeLessThanOrEqual(0.02);
    expectExactOffsets(result);
    expect(progress).toContainEqual({ stage: 'ocr', page: 2, pages: 2 });
  });

  it('renders and OCRs a PDF page that has no text layer, with boxes in PDF points', async () => {
    // The note image stretched over a US Letter page, as a scanner would deliver it.
    // (Two pipelines: within one, sharp resizes before it extends.)
    const tall = await sharp(notePng(1)).extend({ bottom: 2000, background: '#ffffff' }).png().toBuffer();
    const page = await sharp(tall)
      .resize(1700, 2200, { fit: 'fill' })
      .greyscale()
      .jpeg({ quality: 85 })
      .toBuffer();
    const progress: ReadProgress[] = [];
    const result = await readDocument(buildImagePdf(page, 1700, 2200), {
      onProgress: (p) => progress.push(p),
    });
    expect(result.mimeType).toBe('application/pdf');
    expect(result.pages[0]).toMatchObject({ number: 1, source: 'ocr', width: 612, height: 792 });
    expect(characterErrorRate(result.text, NOTE_1)).toBeLessThanOrEqual(0.03);
    expectExactOffsets(result);
    for (const word of result.pages[0].words!) {
      expect(word.box.x + word.box.width).toBeLessThanOrEqual(612);
      expect(word.box.y + word.box.height).toBeLessThanOrEqual(792);
    }
    // The text occupies the top fifth of the page.
    expect(Math.max(...result.pages[0].words!.map((w) => w.box.y))).toBeLessThan(792 / 5);
    expect(progress).toContainEqual({ stage: 'render', page: 1, pages: 1 });
    expect(progress).toContainEqual({ stage: 'ocr', page: 1, pages: 1 });
  });
});
