/**
 * Turns an uploaded file into text with evidence: detect the type from the bytes, then decode plain text, read a
 * PDF's text layer (OCR for pages without one) or OCR an image. The result's offsets — per page and per word —
 * point into `text`, the string every later step (extraction, review, export) quotes from.
 *
 * Every failure is a DocumentReadError with a code; no library error escapes unwrapped.
 */
import { decodeText } from './decode-text.ts';
import { detectType, type DetectedType, type DocumentKind } from './detect-type.ts';
import { DocumentReadError, type DocumentReadErrorCode } from './document-read-error.ts';
import type { ReadProgress, ReadResult } from './document-types.ts';
import { joinPages } from './join-pages.ts';
import { readImage } from './read-image.ts';
import { DEFAULT_READ_LIMITS, type ReadLimits } from './read-limits.ts';
import { readPdf } from './read-pdf.ts';

export interface ReadDocumentOptions {
  /** Used only to word an error (a `.txt` that is binary is NOT_TEXT); the type comes from the bytes. */
  filename?: string;
  onProgress?: (progress: ReadProgress) => void;
  limits?: Partial<ReadLimits>;
  /** OCR words below this confidence (0..1) are flagged `lowConfidence`. Default 0.6. */
  lowConfidenceThreshold?: number;
}

async function read(
  bytes: Uint8Array,
  type: DetectedType,
  options: ReadDocumentOptions,
): Promise<ReadResult> {
  const limits = { ...DEFAULT_READ_LIMITS, ...options.limits };
  const { onProgress, lowConfidenceThreshold } = options;
  switch (type.kind) {
    case 'text': {
      onProgress?.({ stage: 'decode' });
      const { text, encoding } = decodeText(bytes, { maxBytes: limits.maxTextBytes });
      const page = { number: 1, width: 0, height: 0, source: 'text' as const, start: 0, end: text.length };
      return { mimeType: type.mimeType, text, pages: [page], encoding, lowConfidenceWords: 0 };
    }
    case 'pdf':
    case 'image': {
      const pageTexts =
        type.kind === 'pdf'
          ? await readPdf(bytes, { limits, lowConfidenceThreshold, onProgress })
          : await readImage(bytes, { limits, lowConfidenceThreshold, onProgress });
      const { text, pages } = joinPages(pageTexts);
      const lowConfidenceWords = pages.reduce(
        (sum, page) => sum + (page.words?.filter((word) => word.lowConfidence).length ?? 0),
        0,
      );
      return { mimeType: type.mimeType, text, pages, lowConfidenceWords };
    }
  }
}

/** For a failure no reader anticipated: the closest code for the kind of file, with the original as the cause. */
const FALLBACK_CODE: Record<DocumentKind, DocumentReadErrorCode> = {
  text: 'NOT_TEXT',
  pdf: 'CORRUPT_PDF',
  image: 'CORRUPT_IMAGE',
};

export async function readDocument(
  bytes: Uint8Array,
  options: ReadDocumentOptions = {},
): Promise<ReadResult> {
  options.onProgress?.({ stage: 'detect' });
  const type = detectType(bytes, options.filename);
  try {
    const result = await read(bytes, type, options);
    options.onProgress?.({ stage: 'done', pages: result.pages.length });
    return result;
  } catch (error) {
    if (error instanceof DocumentReadError) throw error;
    throw new DocumentReadError(
      FALLBACK_CODE[type.kind],
      `The ${type.kind === 'text' ? 'text file' : type.kind === 'pdf' ? 'PDF' : 'image'} could not be read: ${
        (error as Error)?.message ?? String(error)
      }`,
      { cause: error },
    );
  }
}
