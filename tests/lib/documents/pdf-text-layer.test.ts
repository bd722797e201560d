import { describe, expect, it } from 'vitest';
import { layoutPdfText, type PdfTextItem } from '../../../lib/documents/pdf-text-layer.ts';

/** A 612 × 792 pt page at scale 1: PDF y up → viewport y down. */
const toViewport = (x: number, y: number): [number, number] => [x, 792 - y];

function item(str: string, x: number, y: number, width: number, hasEOL = false, size = 12): PdfTextItem {
  return { str, transform: [size, 0, 0, size, x, y], width, hasEOL };
}

describe('layoutPdfText', () => {
  it('joins items on a baseline, spacing them only where there is a gap, and breaks lines on a new baseline', () => {
    const { text } = layoutPdfText(
      [
        item('BP', 72, 700, 14),
        item('138/86', 90, 700, 36), // 4 pt gap: a space
        item('mmHg', 126, 700, 30), // touching: no space
        item('Pulse 72', 72, 684, 45), // next line
      ],
      1,
      toViewport,
    );
    expect(text).toBe('BP 138/86mmHg\nPulse 72');
  });

  it('honours hasEOL and empty end-of-line items, and trims trailing whitespace', () => {
    const { text } = layoutPdfText(
      [item('First line', 72, 700, 50, true), item('', 0, 0, 0, true), item('Second ', 72, 700, 40)],
      1,
      toViewport,
    );
    expect(text).toBe('First line\nSecond');
  });

  it('gives every word exact offsets and a box interpolated along its item', () => {
    const { text, words } = layoutPdfText([item('Lisinopril 10 mg', 100, 700, 160)], 3, toViewport);
    expect(words.map((w) => text.slice(w.start, w.end))).toEqual(['Lisinopril', '10', 'mg']);
    expect(words.map((w) => w.text)).toEqual(['Lisinopril', '10', 'mg']);
    const [first, second] = words;
    expect(first.page).toBe(3);
    expect(first.confidence).toBe(1);
    expect(first.lowConfidence).toBe(false);
    // 16 characters over 160 pt: 10 pt each; "Lisinopril" spans 0..100, "10" 110..130.
    expect(first.box.x).toBeCloseTo(100);
    expect(first.box.width).toBeCloseTo(100);
    expect(second.box.x).toBeCloseTo(210);
    // The box reaches from 0.8 of the font size above the baseline (y 92 from the top) to 0.2 below.
    expect(first.box.y).toBeCloseTo(792 - 700 - 9.6);
    expect(first.box.height).toBeCloseTo(12);
  });
});
