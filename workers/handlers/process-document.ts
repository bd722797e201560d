/**
 * document.process: read the stored file (text layer or OCR), extract findings, store them as proposals with
 * their evidence. A file that cannot be read fails the job at once, with the reason on the document.
 */
import { isDocumentReadError } from '../../lib/documents/document-read-error.ts';
import type { ReadProgress } from '../../lib/documents/document-types.ts';
import { recordAuditEvent } from '../../lib/audit/record-audit-event.ts';
import { saveExtractedFindings } from '../../lib/findings/save-extracted-findings.ts';
import { readAndExtract } from '../../lib/ingest/read-and-extract.ts';
import { PermanentJobError, type JobContext } from '../../lib/jobs/job-definition.ts';
import { fileBlobStore } from '../../lib/storage/blob-store.ts';

function describe(p: ReadProgress | { stage: 'extract' }): [number, string] {
  switch (p.stage) {
    case 'detect':
    case 'decode':
      return [0.05, 'reading'];
    case 'text-layer':
      return [0.1, 'reading text layer'];
    case 'render':
      return [0.15, `rendering page ${p.page ?? 1}/${p.pages ?? 1}`];
    case 'ocr':
      return [
        0.15 + (0.65 * ((p.page ?? 1) - 1)) / (p.pages ?? 1),
        `OCR page ${p.page ?? 1}/${p.pages ?? 1}`,
      ];
    case 'done':
      return [0.8, 'text ready'];
    case 'extract':
      return [0.85, 'extracting'];
  }
}

export async function run(ctx: JobContext, payload: { documentId: string }): Promise<void> {
  const doc = await ctx.db.document.findUnique({ where: { id: payload.documentId } });
  if (!doc) throw new PermanentJobError('document no longer exists');
  await ctx.db.document.update({ where: { id: doc.id }, data: { status: 'PROCESSING', error: null } });
  const bytes = await fileBlobStore().get(doc.sha256);

  let reports = Promise.resolve();
  let result;
  try {
    result = await readAndExtract(bytes, {
      filename: doc.title,
      onProgress: (p) => {
        const [fraction, message] = describe(p);
        reports = reports.then(() => ctx.progress(fraction, message));
      },
    });
  } catch (e) {
    await reports;
    if (isDocumentReadError(e)) {
      await ctx.db.document.update({ where: { id: doc.id }, data: { status: 'FAILED', error: e.message } });
      throw new PermanentJobError(e.message);
    }
    await ctx.db.document.update({
      where: { id: doc.id },
      data: { status: 'UPLOADED', error: 'processing failed; retrying' },
    });
    throw e;
  }
  await reports;
  const { read, extraction } = result;
  const words = read.pages.flatMap((p) =>
    (p.words ?? []).map((w) => ({ start: w.start, end: w.end, page: p.number, box: w.box })),
  );
  const ocr = read.pages.some((p) => p.source === 'ocr')
    ? {
        lowConfidenceWords: read.lowConfidenceWords,
        pages: read.pages.map((p) => ({
          number: p.number,
          width: p.width,
          height: p.height,
          source: p.source,
          deskewDegrees: p.deskewDegrees ?? 0,
          words: p.words?.map((w) => ({
            s: w.start,
            e: w.end,
            c: Math.round(w.confidence * 100) / 100,
            b: w.box,
            low: w.lowConfidence,
          })),
        })),
      }
    : null;
  await ctx.db.$transaction(async (tx) => {
    await tx.document.update({
      where: { id: doc.id },
      data: {
        text: read.text,
        pageCount: read.pages.length,
        ocr: ocr ? (JSON.parse(JSON.stringify(ocr)) as object) : undefined,
        status: 'READY',
        error: null,
      },
    });
    const saved = await saveExtractedFindings(tx, {
      patientId: doc.patientId,
      documentId: doc.id,
      result: extraction,
      words,
    });
    await recordAuditEvent(tx, {
      actor: null,
      system: `job:${ctx.jobId}`,
      action: 'document.extract',
      entityType: 'Document',
      entityIds: [doc.id],
      patientIds: [doc.patientId],
      detail: { extractor: extraction.extractor, ...saved, dropped: extraction.dropped ?? 0 },
    });
  });
  await ctx.progress(1, 'ready for review');
}
