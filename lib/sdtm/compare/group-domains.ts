/**
 * Groups a study's datasets by domain, so a domain split across datasets (LBCH, LBHE, LBUR all with
 * DOMAIN = LB, as SDTMIG allows) compares with the same domain kept in one dataset (LB).
 */
import type { SdtmDataset, SdtmValue, SdtmVariable } from '../dataset.ts';

export interface DomainRecord {
  row: Record<string, SdtmValue>;
  dataset: string;
  /** 1-based row number in `dataset`. */
  rowNumber: number;
}

export interface DomainData {
  domain: string;
  datasets: string[];
  /** Union of the datasets' variables, first occurrence first. */
  variables: SdtmVariable[];
  records: DomainRecord[];
}

/** The domain a dataset belongs to: its name, or its DOMAIN value when the name extends it (LBCH → LB). */
export function domainOfDataset(dataset: SdtmDataset): string {
  const name = dataset.name.toUpperCase();
  if (name.startsWith('SUPP') || name === 'RELREC' || name.length <= 2) return name;
  const value = dataset.rows[0]?.DOMAIN;
  const domain = typeof value === 'string' ? value.trim().toUpperCase() : '';
  return domain.length === 2 && name.startsWith(domain) ? domain : name;
}

export function groupByDomain(datasets: readonly SdtmDataset[]): Map<string, DomainData> {
  const domains = new Map<string, DomainData>();
  for (const dataset of datasets) {
    const domain = domainOfDataset(dataset);
    let data = domains.get(domain);
    if (!data) {
      data = { domain, datasets: [], variables: [], records: [] };
      domains.set(domain, data);
    }
    data.datasets.push(dataset.name.toUpperCase());
    const known = new Set(data.variables.map((v) => v.name));
    for (const v of dataset.variables) if (!known.has(v.name)) data.variables.push(v);
    dataset.rows.forEach((row, i) => data.records.push({ row, dataset: dataset.name, rowNumber: i + 1 }));
  }
  return domains;
}
