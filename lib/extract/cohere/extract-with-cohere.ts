/**
 * Extraction with Cohere's chat API (cohere-ai SDK, JSON-schema response), validated with zod and anchored to
 * the source. Any failure — network, timeout, non-JSON, wrong shape — falls back to the local extractor; the
 * warning logged carries no note text.
 */
import { CohereClientV2 } from 'cohere-ai';
import type { ExtractionResult } from '../contract.ts';
import { anchorFinding } from './anchor-spans.ts';
import { llmResponseSchema, PROMPT_VERSION, responseJsonSchema, SYSTEM_PROMPT } from './cohere-schema.ts';

export interface CohereOptions {
  apiKey: string;
  baseUrl?: string;
  model: string;
  timeoutMs: number;
  fallback: (text: string) => Promise<ExtractionResult> | ExtractionResult;
  log?: (message: string) => void;
}

export async function extractWithCohere(text: string, o: CohereOptions): Promise<ExtractionResult> {
  const client = new CohereClientV2({ token: o.apiKey, ...(o.baseUrl ? { baseUrl: o.baseUrl } : {}) });
  let raw: string;
  try {
    const response = await client.chat(
      {
        model: o.model,
        temperature: 0,
        messages: [
          { role: 'system', content: SYSTEM_PROMPT },
          { role: 'user', content: `Extract the findings of this note as JSON.\n\n<note>\n${text}\n</note>` },
        ],
        responseFormat: {
          type: 'json_object',
          jsonSchema: responseJsonSchema as unknown as Record<string, unknown>,
        },
      },
      { timeoutInSeconds: o.timeoutMs / 1000, maxRetries: 0 },
    );
    raw = (response.message.content ?? []).map((c) => ('text' in c ? c.text : '')).join('');
  } catch (e) {
    o.log?.(`cohere extraction failed (${(e as Error).name}); using the local extractor`);
    return o.fallback(text);
  }
  let parsed;
  try {
    parsed = llmResponseSchema.safeParse(JSON.parse(raw));
  } catch {
    parsed = null;
  }
  if (!parsed?.success) {
    o.log?.('cohere answered with JSON of the wrong shape; using the local extractor');
    return o.fallback(text);
  }
  const anchored = parsed.data.findings.map((f) => anchorFinding(text, f));
  return {
    extractor: { id: 'cohere', version: `${o.model}+prompt${PROMPT_VERSION}` },
    findings: anchored.filter((f) => f !== null),
    dropped: anchored.filter((f) => f === null).length,
  };
}
