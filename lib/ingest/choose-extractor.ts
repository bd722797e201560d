/** The configured extractor: the offline one, or Cohere when EXTRACTOR=cohere and a key is set. */
import { config } from '../config.ts';
import type { ExtractionResult } from '../extract/contract.ts';
import { extractWithCohere } from '../extract/cohere/extract-with-cohere.ts';
import { extractFindings } from '../extract/extract-findings.ts';

export type Extractor = (text: string) => Promise<ExtractionResult> | ExtractionResult;

export function chooseExtractor(): Extractor {
  const apiKey = config.cohereApiKey;
  if (config.extractor !== 'cohere' || !apiKey) return extractFindings;
  return (text) =>
    extractWithCohere(text, {
      apiKey,
      baseUrl: config.cohereBaseUrl,
      model: config.cohereModel,
      timeoutMs: Number(process.env.COHERE_TIMEOUT_MS ?? 30_000),
      fallback: extractFindings,
      log: (m) => console.warn(`[extract] ${m}`),
    });
}
