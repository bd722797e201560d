/**
 * OCR of one page image (PNG, JPEG, TIFF page, or anything sharp decodes): preprocess with sharp, recognise on a
 * worker from the tesseract pool, and return the text with every word's offsets, confidence and box. Boxes are in
 * the pixels of the input image (after EXIF orientation), whatever preprocessing rotated.
 */
import { PSM } from 'tesseract.js';
import sharp from 'sharp';
import { layoutWords, type TesseractBlock } from './layout-words.ts';
import { OcrError } from './ocr-error.ts';
import type { OcrPageResult } from './ocr-types.ts';
import { withOcrWorker, type OcrModel } from './ocr-worker.ts';
import { preprocessPage, type PreparedPage, type PreprocessOptions } from './preprocess-page.ts';

export const DEFAULT_LOW_CONFIDENCE_THRESHOLD = 0.6;

export interface OcrImageOptions {
  /** Page number written into each word (1-based). Default 1. */
  page?: number;
  /** Page of a multi-page TIFF to read (0-based). Default 0. */
  pageIndex?: number;
  /** Words below this confidence (0..1) get `lowConfidence: true`. Default 0.6. */
  lowConfidenceThreshold?: number;
  /**
   * Preprocessing steps, or `false` to hand the bytes to tesseract untouched (for comparison: no EXIF orientation,
   * first TIFF page only).
   */
  preprocess?: Omit<PreprocessOptions, 'pageIndex' | 'maxPixels'> | false;
  /** Refuse to decode images with more pixels than this. Default 40 megapixels. */
  maxPixels?: number;
  /** Resolution of the image when the caller knows it (a rendered PDF page); otherwise read from the header. */
  dpi?: number;
  model?: OcrModel;
  /** Give up (and restart the engine) after this long. Default 180 s. */
  timeoutMs?: number;
}

const DEFAULT_MAX_PIXELS = 40_000_000;

async function prepare(image: Buffer, options: OcrImageOptions): Promise<PreparedPage> {
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  try {
    if (options.preprocess === false) {
      const meta = await sharp(image, {
        page: options.pageIndex ?? 0,
        limitInputPixels: maxPixels,
      }).metadata();
      return {
        png: image,
        width: meta.width ?? 0,
        height: meta.height ?? 0,
        deskewDegrees: 0,
        blank: false,
        dpi: meta.density,
        toSourceBox: (box) => box,
      };
    }
    return await preprocessPage(image, { ...options.preprocess, pageIndex: options.pageIndex, maxPixels });
  } catch (error) {
    throw new OcrError('IMAGE_DECODE_FAILED', `could not decode the image: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

export async function ocrImage(image: Buffer, options: OcrImageOptions = {}): Promise<OcrPageResult> {
  const page = options.page ?? 1;
  const lowConfidenceThreshold = options.lowConfidenceThreshold ?? DEFAULT_LOW_CONFIDENCE_THRESHOLD;
  const prepared = await prepare(image, options);
  const empty = { width: prepared.width, height: prepared.height, deskewDegrees: prepared.deskewDegrees };
  if (prepared.blank) return { text: '', words: [], confidence: 0, ...empty };

  const dpi = options.dpi ?? prepared.dpi;
  let blocks: TesseractBlock[] | null;
  try {
    blocks = await withOcrWorker(
      async (worker) => {
        await worker.setParameters({
          tessedit_pageseg_mode: PSM.AUTO,
          // 0 lets tesseract estimate the resolution from the text size.
          user_defined_dpi: dpi ? String(Math.round(dpi)) : '0',
          // Tesseract's diagnostics ("Estimating resolution as …") would go to stderr on every page.
          debug_file: '/dev/null',
        });
        const result = await worker.recognize(prepared.png, {}, { text: false, blocks: true });
        return result.data.blocks as TesseractBlock[] | null;
      },
      { model: options.model, timeoutMs: options.timeoutMs },
    );
  } catch (error) {
    if (error instanceof OcrError) throw error;
    throw new OcrError('OCR_FAILED', `OCR failed on page ${page}: ${String(error)}`, { cause: error });
  }

  const { text, words } = layoutWords(blocks, {
    page,
    lowConfidenceThreshold,
    mapBox: prepared.toSourceBox,
  });
  const confidence = words.length ? words.reduce((sum, w) => sum + w.confidence, 0) / words.length : 0;
  return { text, words, confidence, ...empty };
}
