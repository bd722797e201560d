/**
 * Cuts a document's text into runs for highlighting: each run knows which findings cover it (spans may overlap or
 * nest) and whether a low-confidence OCR word lies under it. Offsets are UTF-16 indices, as the API gives them.
 */

export interface Span {
  id: string;
  start: number;
  end: number;
}

export interface TextRun {
  start: number;
  end: number;
  /** Ids of the findings covering the run, shortest span first (the most specific finding wins a click). */
  findingIds: string[];
  lowConfidence: boolean;
}

export function textRuns(length: number, findings: Span[], lowConfidence: { start: number; end: number }[]) {
  const valid = findings.filter((f) => f.start >= 0 && f.end <= length && f.end > f.start);
  const low = lowConfidence.filter((w) => w.start >= 0 && w.end <= length && w.end > w.start);
  const cuts = new Set<number>([0, length]);
  for (const s of [...valid, ...low]) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const bySize = [...valid].sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start);
  const runs: TextRun[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i];
    const end = points[i + 1];
    if (end <= start) continue;
    runs.push({
      start,
      end,
      findingIds: bySize.filter((f) => f.start <= start && f.end >= end).map((f) => f.id),
      lowConfidence: low.some((w) => w.start <= start && w.end >= end),
    });
  }
  // Neighbouring runs with the same covering set read as one.
  const merged: TextRun[] = [];
  for (const run of runs) {
    const prev = merged.at(-1);
    if (
      prev &&
      prev.lowConfidence === run.lowConfidence &&
      prev.findingIds.join() === run.findingIds.join()
    ) {
      prev.end = run.end;
    } else merged.push({ ...run });
  }
  return merged;
}
