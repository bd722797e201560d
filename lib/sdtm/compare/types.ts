/** What comparing two SDTM studies returns (lib/sdtm/compare/compare-studies.ts). */
import type { SdtmValue } from '../dataset.ts';

export type StudySide = 'A' | 'B';

/** One difference. `path` names it: `VS`, `VS.VSPOS`, `VS[USUBJID=…,VSTESTCD=SYSBP,VSDTC=2014-01-02].VSORRES`. */
export type SdtmDifference =
  | {
      kind: 'domain-only-in-a' | 'domain-only-in-b';
      domain: string;
      path: string;
      /** The dataset(s) holding the domain on the side that has it (LBCH, LBHE, … for a split domain). */
      datasets: string[];
      rows: number;
    }
  | { kind: 'variable-only-in-a' | 'variable-only-in-b'; domain: string; path: string; variable: string }
  | {
      kind: 'record-only-in-a' | 'record-only-in-b';
      domain: string;
      path: string;
      /** Dataset holding the record and its 1-based row number there. */
      dataset: string;
      row: number;
    }
  | {
      kind: 'value-changed';
      domain: string;
      path: string;
      variable: string;
      a: SdtmValue;
      b: SdtmValue;
    };

export interface DomainComparison {
  /** Domain (DM, LB, SUPPAE, …); a split domain's datasets (LBCH, LBHE, …) are compared as one. */
  domain: string;
  datasetsA: string[];
  datasetsB: string[];
  rowsA: number;
  rowsB: number;
  /** Variables whose values match records (empty when the domain is only on one side). */
  keyVariables: string[];
  matched: number;
  onlyInA: number;
  onlyInB: number;
  /** Matched records with at least one changed value. */
  changedRecords: number;
  /** Changed values by variable. */
  changedValues: Record<string, number>;
  variablesOnlyInA: string[];
  variablesOnlyInB: string[];
  /**
   * Keys held by more than one record on a side: their records were paired in file order, so a difference
   * there may come from the pairing rather than the data.
   */
  duplicateKeys: number;
  /** Differences in this domain (domain, variable, record and value differences). */
  differences: number;
}

export interface StudyComparison {
  identical: boolean;
  domains: DomainComparison[];
  /** Every difference: by domain, then variables on one side, changed values, records only in A, only in B. */
  differences: SdtmDifference[];
}

export interface CompareOptions {
  /**
   * Numbers are equal when |a − b| ≤ tolerance × max(1, |a|, |b|). Default 1e-9: absorbs XPT's IBM floating
   * point and CSV decimal round trips, not real changes.
   */
  tolerance?: number;
}
