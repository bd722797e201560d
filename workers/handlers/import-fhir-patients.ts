import { FhirImportError, importPatientBundle } from '../../lib/fhir/import-patient-bundle.ts';
import { PermanentJobError, type JobContext } from '../../lib/jobs/job-definition.ts';
import { fileBlobStore } from '../../lib/storage/blob-store.ts';

export async function run(
  ctx: JobContext,
  payload: { studyId: string; siteCode: string; blobSha256: string },
): Promise<void> {
  await ctx.progress(0, 'reading bundle');
  let bundle: unknown;
  try {
    bundle = JSON.parse((await fileBlobStore().get(payload.blobSha256)).toString('utf8'));
  } catch {
    throw new PermanentJobError('the uploaded file is not JSON');
  }
  try {
    await importPatientBundle({
      db: ctx.db,
      bundle,
      studyId: payload.studyId,
      siteCode: payload.siteCode,
      system: `job:${ctx.jobId}`,
      onProgress: (done, total) => ctx.progress(done / total, `patient ${done}/${total}`),
    });
  } catch (e) {
    if (e instanceof FhirImportError || (e as Error).name === 'ZodError')
      throw new PermanentJobError((e as Error).message.slice(0, 200));
    throw e;
  }
}
