/**
 * Lays out a PDF page's text layer (pdf.js `getTextContent()` items) as plain text with words and boxes. Items on
 * one baseline are joined (with a space where the gap between them is wider than a fraction of the font size);
 * a change of baseline or an item flagged `hasEOL` starts a new line. Each whitespace-separated word gets a box
 * interpolated along its item in proportion to character count — pdf.js gives positions per item, not per glyph,
 * so boxes are close but not glyph-exact. Coordinates are viewport points: origin top-left, y down.
 */
import type { Box, OcrWord } from '../ocr/ocr-types.ts';

/** The fields of a pdf.js TextItem this module reads. */
export interface PdfTextItem {
  str: string;
  /** [a, b, c, d, e, f]: text space to PDF user space for the item's origin. */
  transform: number[];
  /** Advance width in user space units. */
  width: number;
  hasEOL: boolean;
}

export interface PdfPageText {
  text: string;
  words: OcrWord[];
}

type Point = [number, number];

/** Gap, as a fraction of the font size, above which two items on a line are separated by a space. */
const SPACE_GAP = 0.15;
/** Baseline shift, as a fraction of the font size, that starts a new line. */
const LINE_SHIFT = 0.5;

function boundingBox(points: Point[]): Box {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  const round = (v: number) => Math.round(v * 100) / 100;
  return { x: round(x), y: round(y), width: round(Math.max(...xs) - x), height: round(Math.max(...ys) - y) };
}

/**
 * @param toViewport maps a point in PDF user space to the page viewport (pdf.js `viewport.convertToViewportPoint`).
 */
export function layoutPdfText(
  items: PdfTextItem[],
  page: number,
  toViewport: (x: number, y: number) => Point,
): PdfPageText {
  let text = '';
  const words: OcrWord[] = [];
  let previous: { baseline: Point; end: Point; size: number; eol: boolean } | null = null;

  for (const item of items) {
    const [a, b, c, d, e, f] = item.transform;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || 1;
    // Unit vectors along the baseline and up the glyphs, in user space.
    const along: Point = Math.hypot(a, b) ? [a / Math.hypot(a, b), b / Math.hypot(a, b)] : [1, 0];
    const up: Point = Math.hypot(c, d) ? [c / Math.hypot(c, d), d / Math.hypot(c, d)] : [0, 1];
    const at = (distance: number, rise: number): Point =>
      toViewport(e + along[0] * distance + up[0] * rise, f + along[1] * distance + up[1] * rise);
    const start = at(0, 0);
    const end = at(item.width, 0);
    const [upX, upY] = sub(at(0, size), start);
    const sizeOnPage = Math.hypot(upX, upY) || size;

    if (previous && text !== '') {
      const shift = perpendicularDistance(previous.baseline, previous.end, start);
      const gap = Math.hypot(start[0] - previous.end[0], start[1] - previous.end[1]);
      const newLine = previous.eol || shift > LINE_SHIFT * Math.max(previous.size, sizeOnPage);
      if (newLine) {
        if (!text.endsWith('\n')) text += '\n';
      } else if (gap > SPACE_GAP * sizeOnPage && !/\s$/.test(text) && !/^\s/.test(item.str)) {
        text += ' ';
      }
    }

    const itemStart = text.length;
    text += item.str;
    const length = item.str.length;
    for (const match of item.str.matchAll(/\S+/g)) {
      const from = match.index;
      const to = from + match[0].length;
      const x0 = length ? (item.width * from) / length : 0;
      const x1 = length ? (item.width * to) / length : item.width;
      words.push({
        text: match[0],
        start: itemStart + from,
        end: itemStart + to,
        confidence: 1,
        // Ascenders reach about 0.8 of the font size and descenders 0.2 below the baseline.
        box: boundingBox([at(x0, -0.2 * size), at(x1, -0.2 * size), at(x0, 0.8 * size), at(x1, 0.8 * size)]),
        page,
        lowConfidence: false,
      });
    }
    if (item.str !== '' || item.hasEOL) {
      previous = { baseline: start, end, size: sizeOnPage, eol: item.hasEOL };
    }
  }
  return { text: text.replace(/\s+$/, ''), words };
}

function sub(p: Point, q: Point): Point {
  return [p[0] - q[0], p[1] - q[1]];
}

/** Distance of `point` from the line through `a` and `b` (or from `a` when they coincide). */
function perpendicularDistance(a: Point, b: Point, point: Point): number {
  const [dx, dy] = sub(b, a);
  const length = Math.hypot(dx, dy);
  if (length < 1e-6) return Math.abs(point[1] - a[1]);
  return Math.abs(dx * (point[1] - a[1]) - dy * (point[0] - a[0])) / length;
}
