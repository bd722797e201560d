/** Imports every module (each registers its types with the builder) and builds the schema. */
import { builder } from './builder.ts';
import './modules/global/scalars.ts';
import './modules/global/error-types.ts';
import './modules/user/types/user.ts';
import './modules/user/resolvers/query.me.ts';
import './modules/user/resolvers/query.users.ts';
import './modules/user/resolvers/mutation.create-user.ts';
import './modules/user/resolvers/mutation.update-user.ts';
import './modules/token/types/api-token.ts';
import './modules/token/resolvers/query.api-tokens.ts';
import './modules/token/resolvers/mutation.create-api-token.ts';
import './modules/token/resolvers/mutation.revoke-api-token.ts';
import './modules/study/types/study.ts';
import './modules/study/resolvers/query.studies.ts';
import './modules/patient/types/patient-parts.ts';
import './modules/patient/types/patient.ts';
import './modules/patient/resolvers/query.patients.ts';
import './modules/patient/resolvers/query.patient.ts';
import './modules/document/types/document.ts';
import './modules/finding/types/finding.ts';
import './modules/job/types/job.ts';
import './modules/job/resolvers/query.jobs.ts';
import './modules/job/resolvers/subscription.job-progress.ts';
import './modules/audit/types/audit-event.ts';
import './modules/audit/resolvers/query.audit-events.ts';

export const schema = builder.toSchema({ sortSchema: true });
