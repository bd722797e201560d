/**
 * Reads a PDF with pdf.js (legacy build, for Node): the text layer where a page has one, otherwise the page is
 * rendered with @napi-rs/canvas at `renderDpi` (lowered to stay under the pixel limits) and OCR'd. A page whose
 * text layer is only a line or two but which paints images (a scan with a typed footer) is OCR'd as a whole too.
 *
 * Everything pdf.js needs is loaded from node_modules (standard fonts, CMaps, image-decoder WebAssembly); nothing is
 * fetched. Boxes are in PDF points with the origin at the top-left of the (rotated) page.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as NapiCanvas from '@napi-rs/canvas';
import sharp from 'sharp';
import { config } from '../config.ts';
import { getDocument, OPS, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { OcrError } from '../ocr/ocr-error.ts';
import { ocrImage } from '../ocr/ocr-image.ts';
import type { Box } from '../ocr/ocr-types.ts';
import { DocumentReadError } from './document-read-error.ts';
import type { ReadProgress } from './document-types.ts';
import type { PageText } from './join-pages.ts';
import { layoutPdfText, type PdfTextItem } from './pdf-text-layer.ts';
import type { ReadLimits } from './read-limits.ts';

export interface ReadPdfOptions {
  limits: ReadLimits;
  lowConfidenceThreshold?: number;
  onProgress?: (progress: ReadProgress) => void;
}

/** A text layer with fewer non-blank characters than this, on a page that paints images, is treated as a scan. */
const SCAN_TEXT_CHARS = 50;

function pdfjsAssetUrls() {
  const resolved: unknown = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
  // Inside the Next.js server bundle require.resolve answers a module id, not a path; the server runs from the
  // project root, where node_modules is.
  const root =
    typeof resolved === 'string'
      ? path.dirname(resolved)
      : path.join(/*turbopackIgnore: true*/ config.root, 'node_modules', 'pdfjs-dist');
  // pdf.js in Node reads these with fs; the trailing separator is required.
  return {
    standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep,
    cMapUrl: path.join(root, 'cmaps') + path.sep,
    wasmUrl: path.join(root, 'wasm') + path.sep,
  };
}

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const task = getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    ...pdfjsAssetUrls(),
    cMapPacked: true,
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    const name = (error as Error)?.name;
    if (name === 'PasswordException') {
      throw new DocumentReadError(
        'ENCRYPTED_PDF',
        'The PDF is password-protected; upload an unprotected copy.',
        {
          cause: error,
        },
      );
    }
    throw new DocumentReadError('CORRUPT_PDF', `The PDF could not be opened: ${(error as Error)?.message}`, {
      cause: error,
    });
  }
}

async function paintsImages(page: PDFPageProxy): Promise<boolean> {
  const ops = await page.getOperatorList();
  const imageOps = new Set<number>([
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintImageMaskXObject,
  ]);
  return ops.fnArray.some((fn) => imageOps.has(fn));
}

/** Scale from PDF points to pixels: renderDpi / 72, lowered until the page fits the pixel and side limits. */
export function renderScale(width: number, height: number, limits: ReadLimits): number {
  let scale = limits.renderDpi / 72;
  scale = Math.min(scale, limits.maxSide / Math.max(width, height, 1));
  scale = Math.min(scale, Math.sqrt(limits.maxPixels / Math.max(width * height, 1)));
  return scale;
}

export async function renderPage(page: PDFPageProxy, scale: number): Promise<Buffer> {
  let canvasModule: typeof NapiCanvas;
  try {
    canvasModule = await import('@napi-rs/canvas');
  } catch (error) {
    throw new DocumentReadError(
      'OCR_FAILED',
      'PDF page rendering is unavailable (@napi-rs/canvas is missing).',
      {
        cause: error,
      },
    );
  }
  const viewport = page.getViewport({ scale });
  const width = Math.max(1, Math.floor(viewport.width));
  const height = Math.max(1, Math.floor(viewport.height));
  const canvas = canvasModule.createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport, background: '#ffffff' })
    .promise;
  // RGBA from the canvas, re-encoded once as a greyscale PNG for the OCR step. canvas.data() points into Skia's
  // own pixel memory, which is freed when the canvas is collected, possibly while libvips still reads it on its
  // threads (a use-after-free that crashed the process now and then): hand sharp a copy.
  return sharp(Buffer.from(canvas.data()), { raw: { width, height, channels: 4 } })
    .greyscale()
    .toColourspace('b-w')
    .png({ compressionLevel: 1 })
    .toBuffer();
}

function scaleBox(box: Box, factor: number): Box {
  const round = (v: number) => Math.round(v * factor * 100) / 100;
  return { x: round(box.x), y: round(box.y), width: round(box.width), height: round(box.height) };
}

async function readPage(page: PDFPageProxy, number: number, pages: number, options: ReadPdfOptions) {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const items = content.items.filter((item): item is typeof item & PdfTextItem => 'str' in item);
  const layout = layoutPdfText(
    items,
    number,
    (x, y) => viewport.convertToViewportPoint(x, y) as [number, number],
  );
  const characters = layout.text.replace(/\s/g, '').length;
  const size = {
    width: Math.round(viewport.width * 100) / 100,
    height: Math.round(viewport.height * 100) / 100,
  };
  if (characters >= SCAN_TEXT_CHARS || (characters > 0 && !(await paintsImages(page)))) {
    return { number, ...size, source: 'text' as const, text: layout.text, words: layout.words };
  }

  const scale = renderScale(viewport.width, viewport.height, options.limits);
  options.onProgress?.({ stage: 'render', page: number, pages });
  const png = await renderPage(page, scale);
  options.onProgress?.({ stage: 'ocr', page: number, pages });
  const ocr = await ocrImage(png, {
    page: number,
    dpi: scale * 72,
    maxPixels: options.limits.maxPixels,
    lowConfidenceThreshold: options.lowConfidenceThreshold,
  });
  const words = ocr.words.map((word) => ({ ...word, box: scaleBox(word.box, 1 / scale) }));
  return { number, ...size, source: 'ocr' as const, text: ocr.text, words, deskewDegrees: ocr.deskewDegrees };
}

export async function readPdf(bytes: Uint8Array, options: ReadPdfOptions): Promise<PageText[]> {
  const doc = await openPdf(bytes);
  try {
    const pages = doc.numPages;
    if (pages > options.limits.maxPages) {
      throw new DocumentReadError(
        'TOO_MANY_PAGES',
        `The PDF has ${pages} pages; the limit is ${options.limits.maxPages}.`,
      );
    }
    const result: PageText[] = [];
    let characters = 0;
    for (let number = 1; number <= pages; number++) {
      options.onProgress?.({ stage: 'text-layer', page: number, pages });
      let page: PDFPageProxy;
      try {
        page = await doc.getPage(number);
      } catch (error) {
        throw new DocumentReadError(
          'CORRUPT_PDF',
          `Page ${number} of the PDF is damaged: ${(error as Error).message}`,
          {
            cause: error,
          },
        );
      }
      try {
        const text = await readPage(page, number, pages, options);
        characters += text.text.length;
        if (characters > options.limits.maxTextBytes) {
          throw new DocumentReadError(
            'TEXT_TOO_LARGE',
            `The PDF's text exceeds the limit of ${options.limits.maxTextBytes} characters.`,
          );
        }
        result.push(text);
      } catch (error) {
        if (error instanceof DocumentReadError) throw error;
        if (error instanceof OcrError) {
          throw new DocumentReadError('OCR_FAILED', `Page ${number}: ${error.message}`, { cause: error });
        }
        throw new DocumentReadError(
          'CORRUPT_PDF',
          `Page ${number} could not be read: ${(error as Error).message}`,
          {
            cause: error,
          },
        );
      } finally {
        page.cleanup();
      }
    }
    return result;
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
