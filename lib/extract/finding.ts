/**
 * Builds contract findings. Every finding's `text` is taken from the note by its offsets, so `text ===
 * note.slice(start, end)` holds by construction; `negated` mirrors `assertion === 'negated'`.
 */
import type { AssertionValue, ExtractedCode, ExtractedFinding, ExtractedKind } from './contract.ts';
import { type Note, sectionNameAt } from './note.ts';

export interface FindingInit {
  kind: ExtractedKind;
  domain: string;
  variables: Record<string, string | number | undefined>;
  start: number;
  end: number;
  confidence: number;
  assertion?: AssertionValue;
  code?: ExtractedCode;
}

/** Rounds to at most `digits` decimals without binary noise (37.00000001 → 37). */
export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function makeFinding(note: Note, init: FindingInit): ExtractedFinding {
  const assertion = init.assertion ?? 'present';
  const variables: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(init.variables)) if (v !== undefined && v !== '') variables[k] = v;
  const finding: ExtractedFinding = {
    kind: init.kind,
    domain: init.domain,
    variables,
    assertion,
    negated: assertion === 'negated',
    start: init.start,
    end: init.end,
    text: note.text.slice(init.start, init.end),
    confidence: round(Math.min(1, Math.max(0, init.confidence)), 2),
  };
  if (init.code) finding.code = init.code;
  const section = sectionNameAt(note, init.start);
  if (section) finding.section = section;
  return finding;
}
