/**
 * Ties each LLM finding to the exact characters of the source it quotes. A finding whose quote is not in the
 * text, or whose numbers do not appear in its quote, is dropped and counted: nothing unanchored reaches a reviewer.
 */
import type { ExtractedFinding } from '../contract.ts';
import type { LlmFinding } from './cohere-schema.ts';

function occurrences(text: string, quote: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(quote); i !== -1 && at.length < 1000; i = text.indexOf(quote, i + 1)) at.push(i);
  return at;
}

/** Finds the quote allowing any run of whitespace to match any other, and maps back to exact offsets. */
function whitespaceTolerant(text: string, quote: string): { start: number; end: number } | null {
  const words = quote
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (words.length === 0 || words.join('').length === 0) return null;
  const m = new RegExp(words.join('\\s+')).exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

export function anchorFinding(text: string, f: LlmFinding): ExtractedFinding | null {
  const exact = occurrences(text, f.quote);
  const first = exact[Math.min((f.occurrence ?? 1) - 1, exact.length - 1)];
  const span = exact.length
    ? { start: first, end: first + f.quote.length }
    : whitespaceTolerant(text, f.quote);
  if (!span) return null;
  const quoted = text.slice(span.start, span.end);
  for (const value of Object.values(f.variables)) {
    const s = String(value);
    if (/\d/.test(s) && !quoted.includes(s.replace(/\.0+$/, ''))) return null;
  }
  return {
    kind: f.kind,
    domain: f.domain,
    variables: f.variables,
    assertion: f.assertion,
    negated: f.assertion === 'negated',
    start: span.start,
    end: span.end,
    text: quoted,
    confidence: f.confidence ?? 0.7,
    ...(f.icd10cm ? { code: { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: f.icd10cm } } : {}),
  };
}
