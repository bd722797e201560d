/**
 * Limits that keep one hostile or accidental upload from exhausting memory or CPU. Every limit is checked before
 * the expensive step it protects: image dimensions from the header before decoding, page counts before rendering,
 * byte counts before decoding text.
 */
export interface ReadLimits {
  /** Largest plain-text file, in bytes, and largest extracted text, in characters. */
  maxTextBytes: number;
  /** Largest image (or rendered PDF page) in pixels: width × height. */
  maxPixels: number;
  /** Longest side of an image, in pixels. */
  maxSide: number;
  /** Most pages in a PDF or multi-page TIFF. */
  maxPages: number;
  /** Resolution at which PDF pages without a text layer are rendered for OCR (lowered to fit maxPixels). */
  renderDpi: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxTextBytes: 10 * 1024 * 1024,
  maxPixels: 40_000_000,
  maxSide: 20_000,
  maxPages: 500,
  renderDpi: 300,
};
