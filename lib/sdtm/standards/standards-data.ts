/**
 * Shapes of the committed standards files in ./data (derived by scripts/derive-sdtm-standards.ts). Only the
 * loaders (sdtmig.ts, controlled-terminology.ts) read these; everyone else uses the loaders' API.
 */

export interface SdtmigVariableRecord {
  /** Position in the SDTMIG dataset specification, 1-based. */
  order: number;
  name: string;
  label: string;
  type: 'Char' | 'Num';
  /** Identifier, Topic, Timing, Record Qualifier, Variable Qualifier, Result Qualifier, ... */
  role: string;
  core: 'Req' | 'Exp' | 'Perm';
  /** CDISC codelist codes (C66741, ...), absent when the variable is not controlled. */
  codelists?: string[];
}

export interface SdtmigDomainRecord {
  label: string;
  /** Interventions, Events, Findings, Findings About, Special-Purpose, Trial Design, Study Reference, Relationship. */
  class: string;
  structure: string;
  variables: SdtmigVariableRecord[];
}

export interface SdtmigData {
  standard: 'SDTMIG';
  version: string;
  source: string;
  domains: Record<string, SdtmigDomainRecord>;
}

/** A term: `[code, submissionValue]` or `[code, submissionValue, synonyms]` (synonyms exclude the value itself). */
export type CtTermRecord = [string, string] | [string, string, string[]];

export interface CtCodelistRecord {
  code: string;
  /** The codelist's own submission value, e.g. ROUTE for C66729. */
  submissionValue: string;
  name: string;
  extensible: boolean;
  terms: CtTermRecord[];
}

export interface CtData {
  standard: 'SDTM CT';
  version: string;
  source: string;
  codelists: CtCodelistRecord[];
}
