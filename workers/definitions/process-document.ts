/** Reads a document (text layer or OCR), extracts findings, stores them as proposals. Payload: ids only. */
import { z } from 'zod';
import { defineJob } from '../../lib/jobs/job-definition.ts';

export const processDocument = defineJob({
  id: 'document.process',
  version: 1,
  maxAttempts: 3,
  payload: z.object({ documentId: z.string() }),
  load: () => import('../handlers/process-document.ts'),
});
