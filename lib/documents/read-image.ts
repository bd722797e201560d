/**
 * Reads a PNG, JPEG or (multi-page) TIFF by OCR, one page at a time. Each page's dimensions are read from the
 * image header with sharp and checked against the limits before any pixel is decoded, so a small file that claims
 * to be 50,000 px wide costs nothing.
 */
import sharp from 'sharp';
import { OcrError } from '../ocr/ocr-error.ts';
import { ocrImage } from '../ocr/ocr-image.ts';
import { DocumentReadError } from './document-read-error.ts';
import type { ReadProgress } from './document-types.ts';
import type { PageText } from './join-pages.ts';
import type { ReadLimits } from './read-limits.ts';

export interface ReadImageOptions {
  limits: ReadLimits;
  lowConfidenceThreshold?: number;
  onProgress?: (progress: ReadProgress) => void;
}

async function headerOf(bytes: Buffer, pageIndex: number) {
  try {
    return await sharp(bytes, { page: pageIndex, limitInputPixels: false }).metadata();
  } catch (error) {
    throw new DocumentReadError(
      'CORRUPT_IMAGE',
      `The image header could not be read: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}

function checkSize(width: number, height: number, limits: ReadLimits, where: string) {
  if (!(width > 0 && height > 0)) {
    throw new DocumentReadError('CORRUPT_IMAGE', `The image${where} has no size (${width} × ${height}).`);
  }
  if (width > limits.maxSide || height > limits.maxSide || width * height > limits.maxPixels) {
    throw new DocumentReadError(
      'IMAGE_TOO_LARGE',
      `The image${where} is ${width} × ${height} px; the limits are ${limits.maxSide} px a side and ` +
        `${limits.maxPixels / 1e6} megapixels.`,
    );
  }
}

export async function readImage(bytes: Uint8Array, options: ReadImageOptions): Promise<PageText[]> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const first = await headerOf(buffer, 0);
  const pages = first.pages ?? 1;
  if (pages > options.limits.maxPages) {
    throw new DocumentReadError(
      'TOO_MANY_PAGES',
      `The image has ${pages} pages; the limit is ${options.limits.maxPages}.`,
    );
  }
  // Check every page before decoding any, so a huge last page fails fast.
  for (let index = 0; index < pages; index++) {
    const meta = index === 0 ? first : await headerOf(buffer, index);
    checkSize(meta.width ?? 0, meta.height ?? 0, options.limits, pages > 1 ? ` (page ${index + 1})` : '');
  }

  const result: PageText[] = [];
  for (let index = 0; index < pages; index++) {
    const number = index + 1;
    options.onProgress?.({ stage: 'ocr', page: number, pages });
    try {
      const ocr = await ocrImage(buffer, {
        page: number,
        pageIndex: index,
        maxPixels: options.limits.maxPixels,
        lowConfidenceThreshold: options.lowConfidenceThreshold,
      });
      result.push({
        number,
        width: ocr.width,
        height: ocr.height,
        source: 'ocr',
        text: ocr.text,
        words: ocr.words,
        deskewDegrees: ocr.deskewDegrees,
      });
    } catch (error) {
      if (error instanceof OcrError && error.code === 'IMAGE_DECODE_FAILED') {
        throw new DocumentReadError('CORRUPT_IMAGE', `Page ${number}: ${error.message}`, { cause: error });
      }
      throw new DocumentReadError('OCR_FAILED', `OCR failed on page ${number}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  if (result.every((page) => page.text.trim() === '')) {
    throw new DocumentReadError('IMAGE_EMPTY', 'No text was found in the image.');
  }
  return result;
}
