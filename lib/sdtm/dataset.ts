/**
 * An SDTM dataset in memory: the shape shared by the mapper, the workspace, the conformance checker and
 * every reader and writer (CSV, XLSX, XPT, Define-XML).
 */

export type SdtmValue = string | number | null;

export interface SdtmVariable {
  /** Upper-case SAS name, at most 8 characters. */
  name: string;
  /** At most 40 characters. */
  label: string;
  type: 'Char' | 'Num';
  /** Bytes for Char (1..200); 8 for Num. When absent, writers compute it from the data. */
  length?: number;
  /** SDTMIG role (Identifier, Topic, Timing, ...). */
  role?: string;
  /** SDTMIG core: Req, Exp or Perm. */
  core?: 'Req' | 'Exp' | 'Perm';
  /** CDISC codelist code (e.g. C66741) for controlled variables. */
  codelist?: string;
  /** SAS format name, if any (e.g. DATE9.). */
  format?: string;
}

export interface SdtmDataset {
  /** Dataset name (DM, VS, SUPPMH, ...), also the XPT member name. */
  name: string;
  label: string;
  variables: SdtmVariable[];
  rows: Record<string, SdtmValue>[];
}
