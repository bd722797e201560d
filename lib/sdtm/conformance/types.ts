/**
 * Shared types of the SDTM conformance checker: the issues it reports, the rules it runs and the view of a
 * dataset that rules read.
 */
import type { SdtmDataset, SdtmValue } from '../dataset.ts';

export type Severity = 'error' | 'warning';

/** One problem found in a study's datasets. */
export interface ConformanceIssue {
  /**
   * Where the problem is: `LB` (the dataset), `LB.LBSTRESN` (a variable), or `LB.LBSTRESN[12]` (its value in
   * row 12). Rows are **1-based**, as in CDISC CORE reports ("Record") and in spreadsheet viewers.
   */
  path: string;
  /** `CORE-000021` for CDISC CORE rules, `SDTM-…` for the checker's built-in checks. */
  ruleId: string;
  severity: Severity;
  message: string;
  /** Dataset name as submitted (LB, LBCH, SUPPAE). */
  dataset: string;
  variable?: string;
  /** 1-based row, as in `path`. */
  row?: number;
  /** The offending value, when the issue is about one value. */
  value?: SdtmValue;
}

/** General observation classes as CORE rule scopes name them. */
export type CoreClass =
  | 'INTERVENTIONS'
  | 'EVENTS'
  | 'FINDINGS'
  | 'SPECIAL PURPOSE'
  | 'TRIAL DESIGN'
  | 'RELATIONSHIP'
  | 'STUDY REFERENCE';

/** Which datasets a rule applies to; `AP--` in a domain list stands for every associated-persons domain. */
export interface RuleScope {
  classes: 'ALL' | readonly CoreClass[];
  domains?: 'ALL' | readonly string[];
  excludeDomains?: readonly string[];
}

/** What a rule reports; the checker adds rule id, severity, dataset and path. */
export interface Finding {
  /** 0-based row index in the dataset; omitted for dataset- or variable-level findings. */
  row?: number;
  /** Full variable name (LBSTRESC, not --STRESC). */
  variable?: string;
  message: string;
  value?: SdtmValue;
}

export type Report = (finding: Finding) => void;

/** A dataset as rules see it. Built once per dataset per check run. */
export interface DatasetContext {
  dataset: SdtmDataset;
  /** Upper-cased dataset name (LBCH). */
  name: string;
  /** Domain: the DOMAIN value (LB for LBCH) or, without one, the dataset name (SUPPAE, RELREC). */
  domain: string;
  /** What `--` stands for in variable names: the domain, or MH for APMH. */
  prefix: string;
  coreClass: CoreClass | undefined;
  /** Upper-cased variable names present in the dataset. */
  names: ReadonlySet<string>;
  /** `--ORRES` → `LBORRES`; other names unchanged (upper-cased). */
  resolve(variable: string): string;
  /** Whether the dataset has `variable` (`--` allowed). */
  has(variable: string): boolean;
  /** The row key of `variable` (`--` allowed, any case), or undefined when the dataset lacks it. */
  key(variable: string): string | undefined;
  study: StudyContext;
}

export interface StudyContext {
  datasets: readonly DatasetContext[];
  /** The DM dataset, when the study has one. */
  dm: DatasetContext | undefined;
  /** 0-based DM row of each USUBJID (the first, when a USUBJID repeats). Built on first use. */
  dmRowOf(usubjid: string): number | undefined;
}

export interface Rule {
  /** `CORE-000021` or `SDTM-…`. */
  id: string;
  description: string;
  severity: Severity;
  scope: RuleScope;
  check(dataset: DatasetContext, report: Report): void;
}
