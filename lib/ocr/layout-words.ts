/**
 * Turns tesseract's block → paragraph → line → word tree into plain text and words whose offsets slice that text
 * exactly: words joined by one space, lines by `\n`, paragraphs and blocks by a blank line. Building the text
 * here (instead of trusting tesseract's own `text`) is what makes every offset provable.
 */
import type { Box, OcrWord } from './ocr-types.ts';

/** The parts of tesseract.js's `Page.blocks` this module reads. */
export interface TesseractBlock {
  paragraphs: Array<{
    lines: Array<{
      words: Array<{
        text: string;
        confidence: number;
        bbox: { x0: number; y0: number; x1: number; y1: number };
      }>;
    }>;
  }>;
}

export interface LayoutOptions {
  page: number;
  lowConfidenceThreshold: number;
  /** Maps a box from the OCR'd image to the page's coordinate space. */
  mapBox?: (box: Box) => Box;
}

export function layoutWords(
  blocks: TesseractBlock[] | null,
  options: LayoutOptions,
): { text: string; words: OcrWord[] } {
  const words: OcrWord[] = [];
  let text = '';
  const paragraphs = (blocks ?? []).flatMap((block) => block.paragraphs);
  for (const paragraph of paragraphs) {
    let paragraphStarted = false;
    for (const line of paragraph.lines) {
      let lineStarted = false;
      for (const word of line.words) {
        const wordText = word.text.trim();
        if (wordText === '') continue;
        if (!lineStarted) {
          if (paragraphStarted) text += '\n';
          else if (text !== '') text += '\n\n';
          paragraphStarted = true;
          lineStarted = true;
        } else {
          text += ' ';
        }
        const start = text.length;
        text += wordText;
        const confidence = Math.min(1, Math.max(0, word.confidence / 100));
        const { x0, y0, x1, y1 } = word.bbox;
        const box = { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
        words.push({
          text: wordText,
          start,
          end: text.length,
          confidence,
          box: options.mapBox ? options.mapBox(box) : box,
          page: options.page,
          lowConfidence: confidence < options.lowConfidenceThreshold,
        });
      }
    }
  }
  return { text, words };
}
