/**
 * What reading a document produces: the full text, one entry per page saying where its text came from (the file's
 * own text, or OCR) and, for PDFs and images, every word with its offsets into the full text and its box on the
 * page.
 */
import type { OcrWord } from '../ocr/ocr-types.ts';

export type { OcrWord };

export type DocumentMimeType = 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/tiff' | 'text/plain';

export interface ReadPage {
  /** 1-based. */
  number: number;
  /** Page size: PDF points (1/72 in) for PDFs, pixels for images, 0 × 0 for plain text. Word boxes use it. */
  width: number;
  height: number;
  /** `text`: the file's own text (plain text, PDF text layer); `ocr`: recognised from pixels. */
  source: 'text' | 'ocr';
  /** Where the page's text lies in the full text: `text.slice(start, end)`. */
  start: number;
  end: number;
  /** Words with boxes (OCR pages and PDF text-layer pages; absent for plain text). */
  words?: OcrWord[];
  /** Rotation applied before OCR to straighten the page, in degrees; OCR pages only. */
  deskewDegrees?: number;
}

export interface ReadResult {
  mimeType: DocumentMimeType;
  /** Pages joined by PAGE_SEPARATOR; every offset in the result points into this string. */
  text: string;
  pages: ReadPage[];
  /** Character encoding of a plain-text file (e.g. `UTF-8`, `UTF-16LE`, `windows-1252`). */
  encoding?: string;
  /** Number of OCR words below the confidence threshold, for the reviewer's attention. */
  lowConfidenceWords: number;
}

export interface ReadProgress {
  stage: 'detect' | 'decode' | 'text-layer' | 'render' | 'ocr' | 'done';
  page?: number;
  pages?: number;
}

/** Between the text of consecutive pages. */
export const PAGE_SEPARATOR = '\f';
