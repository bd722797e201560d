/** The document review page's data: one query for the document with its findings, one mutation for decisions. */
import { ERROR_FIELDS } from './graphql-client';
import type { DocumentStatus } from './document-progress';

export type FindingStatus = 'PROPOSED' | 'ACCEPTED' | 'EDITED' | 'REJECTED';
export type Assertion = 'PRESENT' | 'NEGATED' | 'POSSIBLE' | 'HISTORICAL' | 'FAMILY' | 'HYPOTHETICAL';
export type Decision = 'ACCEPT' | 'REJECT' | 'EDIT';

export const ASSERTIONS: Assertion[] = [
  'PRESENT',
  'NEGATED',
  'POSSIBLE',
  'HISTORICAL',
  'FAMILY',
  'HYPOTHETICAL',
];
export const FINDING_STATUSES: FindingStatus[] = ['PROPOSED', 'ACCEPTED', 'EDITED', 'REJECTED'];

export interface BoxShape {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ReviewFinding {
  id: string;
  kind: string;
  status: FindingStatus;
  source: string;
  assertion: Assertion;
  label: string;
  value: string | null;
  unit: string | null;
  code: string | null;
  codeSystem: string | null;
  confidence: number;
  spanStart: number | null;
  spanEnd: number | null;
  spanText: string | null;
  page: number | null;
  box: BoxShape | null;
  domain: string | null;
  variables: Record<string, unknown> | null;
  extractorId: string;
  extractorVersion: string;
  reviewedBy: { id: string; name: string } | null;
  reviewedAt: string | null;
}

/** One OCR word as the pipeline stores it: offsets into the text, confidence, box, low-confidence flag. */
export interface OcrWordData {
  s: number;
  e: number;
  c: number;
  b: BoxShape;
  low: boolean;
}

export interface OcrPageData {
  number: number;
  width: number;
  height: number;
  source: 'text' | 'ocr';
  deskewDegrees: number;
  words?: OcrWordData[];
}

export interface OcrData {
  lowConfidenceWords: number;
  pages: OcrPageData[];
}

export interface ReviewDocument {
  id: string;
  title: string;
  mimeType: string;
  status: DocumentStatus;
  pageCount: number | null;
  error: string | null;
  text: string | null;
  ocr: OcrData | null;
  createdAt: string;
  findingCount: number;
  pendingCount: number;
  uploadedBy: { name: string } | null;
  patient: { id: string; displayName: string };
  findings: ReviewFinding[];
}

export const FINDING_FIELDS = `id kind status source assertion label value unit code codeSystem confidence spanStart spanEnd
  spanText page box domain variables extractorId extractorVersion reviewedBy { id name } reviewedAt`;

/**
 * What a decision changes. Kept small: the API's complexity limit counts the mutation's list of findings twice
 * (result union and list), so a full finding per row would exceed it for batches.
 */
export const DECISION_FIELDS = `id status label value unit code assertion reviewedAt reviewedBy { id name }`;

export type DecisionResult = Pick<
  ReviewFinding,
  'id' | 'status' | 'label' | 'value' | 'unit' | 'code' | 'assertion' | 'reviewedAt' | 'reviewedBy'
>;

export const DOCUMENT_REVIEW_QUERY = `
  query DocumentReview($id: ID!) {
    document(id: $id) {
      ${ERROR_FIELDS}
      ... on QueryDocumentSuccess {
        data {
          id title mimeType status pageCount error text ocr createdAt findingCount pendingCount
          uploadedBy { name }
          patient { id displayName }
          findings { ${FINDING_FIELDS} }
        }
      }
    }
  }`;

export const REVIEW_FINDINGS_MUTATION = `
  mutation ReviewFindings($ids: [ID!]!, $decision: ReviewDecision!, $edits: FindingEdits) {
    reviewFindings(ids: $ids, decision: $decision, edits: $edits) {
      ${ERROR_FIELDS}
      ... on MutationReviewFindingsSuccess { data { ${DECISION_FIELDS} } }
    }
  }`;

export interface FindingEdits {
  value?: string | null;
  unit?: string | null;
  code?: string | null;
  assertion?: Assertion;
  note?: string | null;
}

/** "Vital sign", "Present": enum words as a person writes them. */
export const humanize = (s: string) => s.charAt(0) + s.slice(1).toLowerCase().replaceAll('_', ' ');

export const formatValue = (f: Pick<ReviewFinding, 'value' | 'unit'>) =>
  f.value ? `${f.value}${f.unit ? ` ${f.unit}` : ''}` : '—';

export const isReviewed = (f: Pick<ReviewFinding, 'status'>) => f.status !== 'PROPOSED';
