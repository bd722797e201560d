/** The GraphQL operations of the SDTM workspace and the shapes they return. */
import { ERROR_FIELDS } from './graphql-client';

export type SdtmValue = string | number | null;

export interface SdtmRow {
  id: string;
  seq: number | null;
  edited: boolean;
  variables: Record<string, SdtmValue>;
  subject: { id: string; usubjid: string } | null;
}

export interface SdtmCodelistSpec {
  code: string;
  submissionValue: string;
  name: string;
  extensible: boolean;
  terms: string[];
}

export interface SdtmVariableMeta {
  name: string;
  label: string;
  type: string;
  role: string;
  core: string;
  order: number;
  codelists: SdtmCodelistSpec[];
}

export interface SdtmDomainSpecData {
  domain: string;
  specification: string;
  label: string;
  class: string;
  variables: SdtmVariableMeta[];
}

export interface SdtmEvidence {
  id: string;
  label: string;
  value: string | null;
  spanStart: number | null;
  spanEnd: number | null;
  spanText: string | null;
  page: number | null;
  box: { x: number; y: number; width: number; height: number } | null;
  document: { id: string; title: string } | null;
}

export const STUDY_DOMAINS = `query SdtmDomains($studyId: ID!) {
  studies { id studyId title }
  sdtmDomains(studyId: $studyId) { domain count }
}`;

export const DOMAIN_SPEC = `query SdtmDomainSpec($domain: String!) {
  sdtmDomainSpec(domain: $domain) {
    domain specification label class
    variables { name label type role core order codelists { code submissionValue name extensible terms } }
  }
}`;

export const RECORDS_PAGE = `query SdtmRecordsPage($studyId: ID!, $domain: String!, $first: Int!, $after: String) {
  sdtmRecords(studyId: $studyId, domain: $domain, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id seq edited variables subject { id usubjid } } }
  }
}`;

export interface RecordsPage {
  sdtmRecords: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: SdtmRow }[];
  };
}

const ROW_FIELDS = 'id seq edited variables subject { id usubjid }';

export const UPDATE_RECORD = `mutation UpdateSdtmRecord($id: ID!, $variables: JSON!, $reason: String!) {
  updateSdtmRecord(id: $id, variables: $variables, reason: $reason) {
    ${ERROR_FIELDS} ... on MutationUpdateSdtmRecordSuccess { data { ${ROW_FIELDS} } }
  }
}`;

export const CREATE_RECORD = `mutation CreateSdtmRecord($studyId: ID!, $subjectId: ID, $domain: String!, $variables: JSON!, $reason: String!) {
  createSdtmRecord(studyId: $studyId, subjectId: $subjectId, domain: $domain, variables: $variables, reason: $reason) {
    ${ERROR_FIELDS} ... on MutationCreateSdtmRecordSuccess { data { ${ROW_FIELDS} } }
  }
}`;

export const DELETE_RECORD = `mutation DeleteSdtmRecord($id: ID!, $reason: String!) {
  deleteSdtmRecord(id: $id, reason: $reason) {
    ${ERROR_FIELDS} ... on MutationDeleteSdtmRecordSuccess { data { id } }
  }
}`;

export const RECORD_EVIDENCE = `query SdtmRecordEvidence($id: ID!) {
  sdtmRecord(id: $id) {
    ${ERROR_FIELDS}
    ... on QuerySdtmRecordSuccess {
      data { id findings { id label value spanStart spanEnd spanText page box document { id title } } }
    }
  }
}`;

/** Subjects of a study (for "add record"), through the patients list filtered by study. */
export const STUDY_SUBJECTS = `query SdtmStudySubjects($studyId: ID!) {
  patients(studyId: $studyId, first: 200) { edges { node { subjects { id usubjid study { id } } } } }
}`;

export interface SdtmIssueData {
  path: string;
  ruleId: string;
  severity: string;
  message: string;
  dataset: string;
  variable: string | null;
  row: number | null;
  value: string | null;
  recordId: string | null;
}

export const STUDY_ISSUES = `query SdtmIssues($studyId: ID!) {
  sdtmIssues(studyId: $studyId, limit: 2000) {
    totalCount
    issues { path ruleId severity message dataset variable row value recordId }
  }
}`;
