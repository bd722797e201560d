/** Imports the patients of a stored FHIR Bundle into a study. Payload: ids only. */
import { z } from 'zod';
import { defineJob } from '../../lib/jobs/job-definition.ts';

export const importFhirPatients = defineJob({
  id: 'fhir.import-patients',
  version: 1,
  maxAttempts: 3,
  payload: z.object({
    studyId: z.string(),
    siteCode: z.string().regex(/^[A-Z0-9_-]{1,20}$/),
    blobSha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  load: () => import('../handlers/import-fhir-patients.ts'),
});
