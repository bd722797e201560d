/** The study-level mapping call of the SDTM workspace: accepted findings and subjects → SDTM records. */
import { ERROR_FIELDS, gql, unwrapResult, type UnionResult } from './graphql-client';

export interface MappingSummary {
  domains: {
    domain: string;
    created: number;
    updated: number;
    deleted: number;
    unchanged: number;
    skippedEdited: number;
  }[];
  notMapped: { reason: string; count: number }[];
}

const MAP_STUDY = `mutation MapStudy($studyId: ID!) { mapStudyToSdtm(studyId: $studyId) { ${ERROR_FIELDS}
  ... on MutationMapStudyToSdtmSuccess { data {
    domains { domain created updated deleted unchanged skippedEdited } notMapped { reason count } } } } }`;

export async function mapStudy(studyId: string): Promise<MappingSummary> {
  const data = await gql<{ mapStudyToSdtm: UnionResult<MappingSummary> }>(MAP_STUDY, { studyId });
  return unwrapResult(data.mapStudyToSdtm);
}
