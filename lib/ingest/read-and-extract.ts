/**
 * The document pipeline without a database: bytes → text (text layer or OCR) → findings in the extract contract.
 * Used by the document job and by `imagehr extract`, so both give the same answer.
 */
import { readDocument } from '../documents/read-document.ts';
import type { ReadProgress, ReadResult } from '../documents/document-types.ts';
import type { ExtractionResult } from '../extract/contract.ts';
import { chooseExtractor } from './choose-extractor.ts';

export interface ReadAndExtractResult {
  read: ReadResult;
  extraction: ExtractionResult;
}

export async function readAndExtract(
  bytes: Uint8Array,
  options: { filename?: string; onProgress?: (p: ReadProgress | { stage: 'extract' }) => void } = {},
): Promise<ReadAndExtractResult> {
  const read = await readDocument(bytes, { filename: options.filename, onProgress: options.onProgress });
  options.onProgress?.({ stage: 'extract' });
  const extraction = await chooseExtractor()(read.text);
  return { read, extraction };
}
