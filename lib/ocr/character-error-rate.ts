/**
 * Character error rate for OCR quality checks: Levenshtein distance between recognised and reference text, divided
 * by the reference length, after collapsing whitespace (line wrapping is layout, not content).
 *
 * The distance uses Myers' bit-parallel algorithm with Hyyrö's blocking: the reference is cut into 32-character
 * blocks and each character of the other string advances every block with a handful of word operations, so a
 * 3,000 × 3,000 comparison costs ~300,000 block steps instead of 9,000,000 cell updates.
 */

/** Collapses runs of whitespace (spaces, line and page breaks) to one space and trims the ends. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Levenshtein distance (insertions, deletions, substitutions; UTF-16 code units). */
export function editDistance(a: string, b: string): number {
  // Common prefix and suffix never contribute.
  let start = 0;
  while (start < a.length && start < b.length && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  // The pattern (bit-vector side) is the shorter string.
  let pattern = a.slice(start, endA);
  let text = b.slice(start, endB);
  if (pattern.length > text.length) [pattern, text] = [text, pattern];
  const m = pattern.length;
  if (m === 0) return text.length;

  const blocks = Math.ceil(m / 32);
  const peq = new Map<number, Int32Array>();
  for (let i = 0; i < m; i++) {
    const code = pattern.charCodeAt(i);
    let vector = peq.get(code);
    if (!vector) peq.set(code, (vector = new Int32Array(blocks)));
    vector[i >> 5] |= 1 << (i & 31);
  }
  const none = new Int32Array(blocks);
  const pv = new Int32Array(blocks).fill(-1);
  const mv = new Int32Array(blocks);
  const lastBit = 1 << ((m - 1) & 31);
  let score = m;

  for (let j = 0; j < text.length; j++) {
    const eqs = peq.get(text.charCodeAt(j)) ?? none;
    // Row 0 of the DP matrix is 0, 1, 2…: the horizontal delta entering the first block is +1.
    let hin = 1;
    for (let block = 0; block < blocks; block++) {
      const high = block === blocks - 1 ? lastBit : 1 << 31;
      const pvb = pv[block];
      const mvb = mv[block];
      let eq = eqs[block];
      const xv = eq | mvb;
      if (hin < 0) eq |= 1;
      const xh = ((((eq & pvb) + pvb) | 0) ^ pvb) | eq;
      let ph = mvb | ~(xh | pvb);
      let mh = pvb & xh;
      const hout = ph & high ? 1 : mh & high ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      if (hin < 0) mh |= 1;
      else if (hin > 0) ph |= 1;
      pv[block] = mh | ~(xv | ph);
      mv[block] = ph & xv;
      hin = hout;
    }
    score += hin;
  }
  return score;
}

/** Edit distance between the whitespace-normalised texts over the normalised reference length. */
export function characterErrorRate(recognised: string, reference: string): number {
  const hypothesis = normaliseWhitespace(recognised);
  const truth = normaliseWhitespace(reference);
  if (truth.length === 0) return hypothesis.length === 0 ? 0 : 1;
  return editDistance(hypothesis, truth) / truth.length;
}
