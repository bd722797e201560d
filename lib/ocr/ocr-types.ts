/**
 * Shapes shared by the OCR engine and the document reader: a recognised word with its place in the text and on
 * the page, and the result of reading one page image.
 */

/** An axis-aligned rectangle in page units (pixels for images, PDF points for PDF pages), origin top-left. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface OcrWord {
  text: string;
  /** Offset of the first character in the full text the word belongs to. */
  start: number;
  /** Offset just past the last character: `text.slice(start, end) === word.text`. */
  end: number;
  /** 0..1; 1 for words taken from a PDF text layer. */
  confidence: number;
  box: Box;
  /** 1-based page number. */
  page: number;
  /** `confidence` is below the configured threshold: a reviewer should look at it. */
  lowConfidence: boolean;
}

export interface OcrPageResult {
  /** The page text: words joined by spaces, lines by `\n`, paragraphs by a blank line. */
  text: string;
  /** Offsets are into `text`. */
  words: OcrWord[];
  /** Mean word confidence 0..1 (0 when no words were found). */
  confidence: number;
  /** Size of the input image after EXIF orientation, in pixels; word boxes use this space. */
  width: number;
  height: number;
  /** Rotation applied to straighten the page before OCR, in degrees (clockwise positive); 0 when none. */
  deskewDegrees: number;
}
