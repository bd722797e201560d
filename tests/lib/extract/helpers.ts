/** Small helpers for the extractor tests: run the extractor and pick findings by kind, text or variable. */
import type { ExtractedFinding, ExtractedKind } from '../../../lib/extract/contract.ts';
import { extractFindings } from '../../../lib/extract/extract-findings.ts';

export function findings(text: string, kind?: ExtractedKind): ExtractedFinding[] {
  const all = extractFindings(text).findings;
  return kind ? all.filter((f) => f.kind === kind) : all;
}

/** The single finding of `kind` whose text contains `needle` (fails loudly when there is none or several). */
export function one(text: string, kind: ExtractedKind, needle: string): ExtractedFinding {
  const hits = findings(text, kind).filter((f) => f.text.includes(needle));
  if (hits.length !== 1)
    throw new Error(
      `expected one ${kind} containing "${needle}", got ${hits.length}: ${JSON.stringify(hits.map((h) => h.text))}`,
    );
  return hits[0];
}
