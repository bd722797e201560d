/** The review table's filters, applied in the browser (a document has tens to a few hundred findings). */
import type { Assertion, FindingStatus, ReviewFinding } from './document-review';

export interface FindingFilters {
  kind: string;
  status: FindingStatus | '';
  assertion: Assertion | '';
  /** 0..100 */
  minConfidence: number;
}

export const NO_FILTERS: FindingFilters = { kind: '', status: '', assertion: '', minConfidence: 0 };

export function filterFindings(findings: ReviewFinding[], f: FindingFilters): ReviewFinding[] {
  return findings.filter(
    (x) =>
      (!f.kind || x.kind === f.kind) &&
      (!f.status || x.status === f.status) &&
      (!f.assertion || x.assertion === f.assertion) &&
      Math.round(x.confidence * 100) >= f.minConfidence,
  );
}

export const hasFilters = (f: FindingFilters) => !!(f.kind || f.status || f.assertion || f.minConfidence > 0);
