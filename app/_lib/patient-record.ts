/** The shape of one patient as the patient page loads it, in one GraphQL query. */
import { ERROR_FIELDS } from './graphql-client';

export const PATIENT_TABS = ['documents', 'images', 'findings', 'sdtm', 'encounters'] as const;

export interface PatientRecord {
  id: string;
  displayName: string;
  pseudonym: string;
  identifiersVisible: boolean;
  mrn: string | null;
  givenName: string | null;
  familyName: string | null;
  birthDate: string | null;
  sex: string;
  race: string | null;
  ethnicity: string | null;
  createdAt: string;
  findingCount: number;
  documentCount: number;
  site: { siteId: string; name: string };
  subjects: {
    id: string;
    subjid: string;
    usubjid: string;
    rfstdtc: string | null;
    study: { id: string; studyId: string; title: string };
    sdtmRecords: { totalCount: number; edges: { node: SdtmRecordRow }[] };
  }[];
  encounters: EncounterRow[];
  imagingStudies: ImagingStudyRow[];
  documents: { totalCount: number; edges: { node: DocumentRow }[] };
  findings: { totalCount: number; edges: { node: FindingRow }[] };
}

export interface SdtmRecordRow {
  id: string;
  domain: string;
  seq: number | null;
  variables: Record<string, unknown>;
}

export interface EncounterRow {
  id: string;
  kind: string;
  reason: string | null;
  startedAt: string;
  endedAt: string | null;
}

export interface ImagingStudyRow {
  id: string;
  studyInstanceUid: string;
  description: string | null;
  startedAt: string | null;
}

export interface DocumentRow {
  id: string;
  title: string;
  mimeType: string;
  status: 'UPLOADED' | 'PROCESSING' | 'READY' | 'FAILED';
  pageCount: number | null;
  byteSize: number;
  findingCount: number;
  createdAt: string;
  error: string | null;
}

export interface FindingRow {
  id: string;
  kind: string;
  label: string;
  value: string | null;
  unit: string | null;
  status: 'PROPOSED' | 'ACCEPTED' | 'EDITED' | 'REJECTED';
  assertion: string;
  confidence: number;
  source: string;
  domain: string | null;
  spanText: string | null;
  document: { id: string; title: string } | null;
}

export const PATIENT_PAGE_QUERY = `
  query PatientPage($id: ID!) {
    patient(id: $id) {
      ${ERROR_FIELDS}
      ... on QueryPatientSuccess {
        data {
          id displayName pseudonym identifiersVisible mrn givenName familyName birthDate sex race ethnicity createdAt
          findingCount documentCount
          site { siteId name }
          subjects {
            id subjid usubjid rfstdtc
            study { id studyId title }
            sdtmRecords(first: 200) { totalCount edges { node { id domain seq variables } } }
          }
          encounters(limit: 100) { id kind reason startedAt endedAt }
          imagingStudies { id studyInstanceUid description startedAt }
          documents(first: 100) {
            totalCount
            edges { node { id title mimeType status pageCount byteSize findingCount createdAt error } }
          }
          findings(first: 200) {
            totalCount
            edges { node { id kind label value unit status assertion confidence source domain spanText document { id title } } }
          }
        }
      }
    }
  }`;
