/**
 * `imagehr extract FILE`: the extraction pipeline with no database. Prints the contract JSON of ARCHITECTURE.md:
 * {"findings": [{domain, variables, assertion, negated, start, end, text, confidence, code?}]}.
 */
import fs from 'node:fs';
import { isDocumentReadError } from '../../lib/documents/document-read-error.ts';
import { shutdownOcr } from '../../lib/ocr/ocr-worker.ts';
import { readAndExtract } from '../../lib/ingest/read-and-extract.ts';

export async function extract(positionals: string[]): Promise<number> {
  const file = positionals[0];
  if (!file) {
    console.error('usage: imagehr extract FILE   (txt, pdf, png, jpg, tiff)');
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    console.error(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? e}`);
    return 2;
  }
  try {
    const { extraction } = await readAndExtract(bytes, { filename: file });
    const findings = extraction.findings.map((f) => ({
      domain: f.domain,
      variables: f.variables,
      assertion: f.assertion,
      negated: f.negated,
      start: f.start,
      end: f.end,
      text: f.text,
      confidence: f.confidence,
      ...(f.code ? { code: { system: f.code.system, code: f.code.code } } : {}),
    }));
    process.stdout.write(JSON.stringify({ findings }) + '\n');
    return 0;
  } catch (e) {
    if (isDocumentReadError(e)) {
      console.error(`${file}: ${e.message} (${e.code})`);
      return 1;
    }
    throw e;
  } finally {
    await shutdownOcr();
  }
}
