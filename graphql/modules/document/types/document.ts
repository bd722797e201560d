import { builder } from '../../../builder.ts';
import { DocumentStatus } from '../../../../generated/prisma/enums.ts';
import { loadStructuredNote } from '../../../../lib/notes/load-structured-note.ts';
import { processDocument } from '../../../../workers/definitions/process-document.ts';

export const DocumentStatusEnum = builder.enumType(DocumentStatus, { name: 'DocumentStatus' });

builder.prismaNode('Document', {
  id: { field: 'id' },
  fields: (t) => ({
    title: t.exposeString('title'),
    mimeType: t.exposeString('mimeType'),
    sha256: t.exposeString('sha256'),
    byteSize: t.exposeInt('byteSize'),
    status: t.expose('status', { type: DocumentStatusEnum }),
    pageCount: t.exposeInt('pageCount', { nullable: true }),
    error: t.exposeString('error', { nullable: true }),
    findingCount: t.relationCount('findings'),
    pendingCount: t.relationCount('findings', { where: { status: 'PROPOSED' } }),
    /** The text the pipeline read (text layer or OCR); finding spans index into it. */
    text: t.exposeString('text', { nullable: true }),
    /** OCR pages: words with boxes, confidence and offsets, for drawing evidence on the page image. */
    ocr: t.expose('ocr', { type: 'JSON', nullable: true }),
    patient: t.relation('patient'),
    uploadedBy: t.relation('uploadedBy', { nullable: true }),
    /** The latest processing job of the document, to follow its progress live (jobProgress). */
    processingJob: t.prismaField({
      type: 'Job',
      nullable: true,
      resolve: (query, d, _a, ctx) =>
        ctx.db.job.findFirst({
          ...query,
          where: { subjectRef: d.id, type: processDocument.id },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        }),
    }),
    structuredNote: t.field({
      type: 'String',
      nullable: true,
      description: 'The plain-text encounter note from reviewed findings and the document sections.',
      resolve: async (d, _a, ctx) => (await loadStructuredNote(ctx.db, d.id))?.note ?? null,
    }),
    fhirDocumentReference: t.field({
      type: 'JSON',
      nullable: true,
      description: 'A FHIR R4 DocumentReference carrying the structured note.',
      resolve: async (d, _a, ctx) => (await loadStructuredNote(ctx.db, d.id))?.fhir ?? null,
    }),
    findings: t.relation('findings', { query: { orderBy: [{ spanStart: 'asc' }, { id: 'asc' }] } }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
