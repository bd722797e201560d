/** Per-request batch loaders for patients' finding and document counts: one query per page, not per row. */
import DataLoader from 'dataloader';
import type { GraphQLContext } from '../../../context.ts';
import {
  countDocumentsByPatient,
  countFindingsByPatient,
} from '../../../../lib/patients/count-patient-relations.ts';

interface PatientCountLoaders {
  findings: DataLoader<string, number>;
  documents: DataLoader<string, number>;
}

const perRequest = new WeakMap<GraphQLContext, PatientCountLoaders>();

export function patientCounts(ctx: GraphQLContext): PatientCountLoaders {
  let loaders = perRequest.get(ctx);
  if (!loaders) {
    loaders = {
      findings: new DataLoader((ids) => countFindingsByPatient(ctx.db, ids)),
      documents: new DataLoader((ids) => countDocumentsByPatient(ctx.db, ids)),
    };
    perRequest.set(ctx, loaders);
  }
  return loaders;
}
