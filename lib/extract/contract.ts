/**
 * The `imagehr extract` contract (see ARCHITECTURE.md): what every extractor returns and what other tools read.
 * Offsets index into the text the pipeline read (after OCR for images).
 */

export type AssertionValue = 'present' | 'negated' | 'possible' | 'historical' | 'family' | 'hypothetical';

/** Finding kinds as stored (prisma FindingKind), lower-cased in the contract. */
export type ExtractedKind =
  | 'demographic'
  | 'vital_sign'
  | 'medication'
  | 'allergy'
  | 'condition'
  | 'symptom'
  | 'lab'
  | 'procedure'
  | 'imaging'
  | 'date';

export interface ExtractedCode {
  system: string;
  code: string;
  display?: string;
}

export interface ExtractedFinding {
  kind: ExtractedKind;
  /** Proposed SDTM domain (DM, VS, CM, MH, LB, PR, ...). */
  domain: string;
  /** CDISC variables with controlled-terminology values (units, routes, frequencies, test codes). */
  variables: Record<string, string | number>;
  assertion: AssertionValue;
  negated: boolean;
  start: number;
  end: number;
  /** Exactly text.slice(start, end). */
  text: string;
  confidence: number;
  code?: ExtractedCode;
  /** The clinical section the finding sits in, when known (e.g. "medications", "assessment"). */
  section?: string;
}

export interface ExtractionResult {
  extractor: { id: string; version: string };
  findings: ExtractedFinding[];
  /** LLM findings whose text could not be anchored to the source and were dropped. */
  dropped?: number;
}
