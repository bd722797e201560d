/** Every job type the workers run. Add a definition in workers/definitions and list it here. */
import type { JobDefinition } from '../lib/jobs/job-definition.ts';
import { importFhirPatients } from './definitions/import-fhir-patients.ts';
import { processDocument } from './definitions/process-document.ts';

export const jobDefinitions: JobDefinition<any>[] = [importFhirPatients, processDocument];
