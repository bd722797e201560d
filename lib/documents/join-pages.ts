/**
 * Joins per-page text into the document text, separated by PAGE_SEPARATOR, and moves each page's word offsets from
 * page-relative to document-relative so that `text.slice(word.start, word.end) === word.text` holds for every word.
 */
import type { OcrWord } from '../ocr/ocr-types.ts';
import { PAGE_SEPARATOR, type ReadPage } from './document-types.ts';

/** One page as a reader produced it: offsets in `words` are into `text`. */
export interface PageText {
  number: number;
  width: number;
  height: number;
  source: 'text' | 'ocr';
  text: string;
  words?: OcrWord[];
  deskewDegrees?: number;
}

export function joinPages(pages: PageText[]): { text: string; pages: ReadPage[] } {
  let text = '';
  const joined: ReadPage[] = [];
  pages.forEach((page, i) => {
    if (i > 0) text += PAGE_SEPARATOR;
    const start = text.length;
    text += page.text;
    const out: ReadPage = {
      number: page.number,
      width: page.width,
      height: page.height,
      source: page.source,
      start,
      end: text.length,
    };
    if (page.words) {
      out.words = page.words.map((word) => ({ ...word, start: word.start + start, end: word.end + start }));
    }
    if (page.deskewDegrees !== undefined) out.deskewDegrees = page.deskewDegrees;
    joined.push(out);
  });
  return { text, pages: joined };
}
