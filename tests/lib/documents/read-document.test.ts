/**
 * readDocument on inputs that need no OCR: plain text in several encodings, PDFs with a text layer, and every
 * refusal (empty, binary, encrypted, corrupt, too large). The OCR paths are in read-scanned-document.test.ts.
 */
import iconv from 'iconv-lite';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DocumentReadError, type DocumentReadErrorCode } from '../../../lib/documents/document-read-error.ts';
import { PAGE_SEPARATOR, type ReadProgress, type ReadResult } from '../../../lib/documents/document-types.ts';
import { readDocument, type ReadDocumentOptions } from '../../../lib/documents/read-document.ts';
import { buildEncryptedPdf, buildTextPdf } from '../../fixtures/documents/build-pdf.ts';
import { binaryJunk, multiPageTiff, notePng, pngHeaderClaiming } from '../../fixtures/documents/fixtures.ts';

async function failure(bytes: Uint8Array, options?: ReadDocumentOptions): Promise<DocumentReadError> {
  const error = await readDocument(bytes, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DocumentReadError);
  return error as DocumentReadError;
}

async function expectCode(bytes: Uint8Array, code: DocumentReadErrorCode, options?: ReadDocumentOptions) {
  const error = await failure(bytes, options);
  expect(error.code).toBe(code);
  expect(error.message.length).toBeGreaterThan(10);
  return error;
}

function expectExactOffsets(result: ReadResult) {
  for (const page of result.pages) {
    expect(page.end).toBeGreaterThanOrEqual(page.start);
    for (const word of page.words ?? []) {
      expect(result.text.slice(word.start, word.end)).toBe(word.text);
      expect(word.start).toBeGreaterThanOrEqual(page.start);
      expect(word.end).toBeLessThanOrEqual(page.end);
    }
  }
}

describe('readDocument: plain text', () => {
  it('decodes windows-1252 and reports the encoding', async () => {
    const note = 'Patient reports “sharp” pain – 7/10; copay €15.';
    const result = await readDocument(iconv.encode(note, 'windows-1252'), { filename: 'note.txt' });
    expect(result).toMatchObject({
      mimeType: 'text/plain',
      text: note,
      encoding: 'windows-1252',
      lowConfidenceWords: 0,
    });
    expect(result.pages).toEqual([
      { number: 1, width: 0, height: 0, source: 'text', start: 0, end: note.length },
    ]);
  });

  it('decodes UTF-16LE with a BOM', async () => {
    const note = 'Température 38,6 °C — patient stable.';
    const result = await readDocument(iconv.encode(note, 'utf16le', { addBOM: true }));
    expect(result.text).toBe(note);
    expect(result.encoding).toBe('UTF-16LE');
  });

  it('applies a configurable text size limit', async () => {
    await expectCode(Buffer.from('a'.repeat(5000)), 'TEXT_TOO_LARGE', { limits: { maxTextBytes: 4096 } });
  });

  it('refuses empty files and binary junk named .txt', async () => {
    await expectCode(new Uint8Array(0), 'EMPTY_FILE', { filename: 'empty.txt' });
    await expectCode(binaryJunk(8192), 'NOT_TEXT', { filename: 'notes.txt' });
    await expectCode(binaryJunk(8192), 'UNSUPPORTED_TYPE', { filename: 'notes.bin' });
  });
});

describe('readDocument: PDF text layer', () => {
  const pages = [
    ['HISTORY: 58-year-old woman with cough.', 'BP 138/86 mmHg (seated), pulse 92.'],
    ['PLAN: doxycycline 100 mg twice daily.'],
  ];

  it('reads every page, joins pages with a form feed and gives words exact offsets and boxes', async () => {
    const progress: ReadProgress[] = [];
    const result = await readDocument(buildTextPdf(pages), { onProgress: (p) => progress.push(p) });
    expect(result.mimeType).toBe('application/pdf');
    expect(result.text).toBe(`${pages[0].join('\n')}${PAGE_SEPARATOR}${pages[1].join('\n')}`);
    expect(result.pages.map((p) => [p.number, p.source, p.width, p.height])).toEqual([
      [1, 'text', 612, 792],
      [2, 'text', 612, 792],
    ]);
    expect(result.text.slice(result.pages[1].start, result.pages[1].end)).toBe(pages[1][0]);
    expectExactOffsets(result);
    const bp = result.pages[0].words!.find((w) => w.text === '138/86')!;
    expect(bp.page).toBe(1);
    // Second line: baseline 72 + 16 pt below the top margin; the box straddles it.
    expect(bp.box.y).toBeGreaterThan(72);
    expect(bp.box.y + bp.box.height).toBeGreaterThan(88);
    expect(bp.box.y + bp.box.height).toBeLessThan(96);
    expect(result.lowConfidenceWords).toBe(0);
    expect(progress).toContainEqual({ stage: 'text-layer', page: 2, pages: 2 });
    expect(progress.at(-1)).toEqual({ stage: 'done', pages: 2 });
  });

  it('refuses a password-protected PDF as ENCRYPTED_PDF', async () => {
    await expectCode(buildEncryptedPdf(), 'ENCRYPTED_PDF');
  });

  it('refuses truncated and garbled PDFs as CORRUPT_PDF', async () => {
    const pdf = buildTextPdf(pages);
    await expectCode(pdf.subarray(0, Math.floor(pdf.length * 0.6)), 'CORRUPT_PDF');
    await expectCode(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF'), 'CORRUPT_PDF');
  });

  it('applies the page and text limits', async () => {
    await expectCode(buildTextPdf(pages), 'TOO_MANY_PAGES', { limits: { maxPages: 1 } });
    await expectCode(buildTextPdf(pages), 'TEXT_TOO_LARGE', { limits: { maxTextBytes: 40 } });
  });
});

describe('readDocument: images refused before OCR', () => {
  it('refuses an image whose header claims 50,000 px, without decoding it', async () => {
    const bytes = pngHeaderClaiming(50_000, 100);
    expect(bytes.length).toBeLessThan(1000);
    const error = await expectCode(bytes, 'IMAGE_TOO_LARGE');
    expect(error.message).toMatch(/50000 × 100/);
  });

  it('refuses an image over the pixel budget even when each side is allowed', async () => {
    await expectCode(pngHeaderClaiming(8000, 8000), 'IMAGE_TOO_LARGE');
  });

  it('checks every page of a multi-page TIFF against the limits', async () => {
    const tiff = await multiPageTiff([notePng(1), notePng(2)]);
    await expectCode(tiff, 'IMAGE_TOO_LARGE', { limits: { maxPixels: 1_000_000 } });
    await expectCode(tiff, 'TOO_MANY_PAGES', { limits: { maxPages: 1 } });
  });

  it('refuses a truncated PNG as CORRUPT_IMAGE and a blank page as IMAGE_EMPTY', async () => {
    const png = notePng(1);
    await expectCode(png.subarray(0, png.length / 2), 'CORRUPT_IMAGE');
    const blank = await sharp({ create: { width: 600, height: 800, channels: 3, background: '#f2f2f2' } })
      .jpeg()
      .toBuffer();
    await expectCode(blank, 'IMAGE_EMPTY');
  });
});
