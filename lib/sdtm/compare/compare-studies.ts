/**
 * Compares two SDTM studies given as datasets (A, typically the reference, and B), domain by domain, and
 * collects every difference: domains on one side only, variables on one side only, records on one side only
 * and changed values. Records match by natural key, never by --SEQ (lib/sdtm/compare/natural-key.ts).
 *
 * ```ts
 * const result = compareSdtmStudies(readSdtmFolder(a).flatMap((f) => f.datasets), datasetsB);
 * result.identical; result.domains; result.differences
 * ```
 */
import type { SdtmDataset } from '../dataset.ts';
import { compareDomain } from './compare-domain.ts';
import { type DomainData, groupByDomain } from './group-domains.ts';
import type { SeqReferences } from './record-keys.ts';
import type { CompareOptions, DomainComparison, SdtmDifference, StudyComparison } from './types.ts';
import { DEFAULT_TOLERANCE } from './values-equal.ts';

interface DomainResult {
  summary: DomainComparison;
  differences: SdtmDifference[];
}

function refersToParents(domain: string): boolean {
  return domain.startsWith('SUPP') || domain === 'RELREC';
}

function oneSided(
  data: DomainData,
  side: 'a' | 'b',
): { summary: DomainComparison; difference: SdtmDifference } {
  const rows = data.records.length;
  return {
    summary: {
      domain: data.domain,
      datasetsA: side === 'a' ? data.datasets : [],
      datasetsB: side === 'b' ? data.datasets : [],
      rowsA: side === 'a' ? rows : 0,
      rowsB: side === 'b' ? rows : 0,
      keyVariables: [],
      matched: 0,
      onlyInA: side === 'a' ? rows : 0,
      onlyInB: side === 'b' ? rows : 0,
      changedRecords: 0,
      changedValues: {},
      variablesOnlyInA: [],
      variablesOnlyInB: [],
      duplicateKeys: 0,
      differences: 1,
    },
    difference: {
      kind: side === 'a' ? 'domain-only-in-a' : 'domain-only-in-b',
      domain: data.domain,
      path: data.domain,
      datasets: data.datasets,
      rows,
    },
  };
}

export function compareSdtmStudies(
  datasetsA: readonly SdtmDataset[],
  datasetsB: readonly SdtmDataset[],
  options: CompareOptions = {},
): StudyComparison {
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const a = groupByDomain(datasetsA);
  const b = groupByDomain(datasetsB);
  // Parent domains first, so SUPP-- and RELREC can refer to their records by natural key instead of --SEQ.
  const names = [...new Set([...a.keys(), ...b.keys()])].sort(
    (x, y) => Number(refersToParents(x)) - Number(refersToParents(y)) || x.localeCompare(y),
  );
  const collect = names.some(refersToParents);
  const referencesA: SeqReferences = new Map();
  const referencesB: SeqReferences = new Map();
  const results = new Map<string, DomainResult>();
  for (const name of names) {
    const dataA = a.get(name);
    const dataB = b.get(name);
    if (!dataA || !dataB) {
      const { summary, difference } = dataA ? oneSided(dataA, 'a') : oneSided(dataB as DomainData, 'b');
      results.set(name, { summary, differences: [difference] });
      continue;
    }
    const parents = refersToParents(name);
    const result = compareDomain(
      parents
        ? { data: dataA, references: referencesA }
        : { data: dataA, referencesOut: collect ? referencesA : undefined },
      parents
        ? { data: dataB, references: referencesB }
        : { data: dataB, referencesOut: collect ? referencesB : undefined },
      tolerance,
    );
    results.set(name, result);
  }
  const ordered = [...results.entries()].sort(([x], [y]) => x.localeCompare(y)).map(([, r]) => r);
  const differences = ordered.flatMap((r) => r.differences);
  return { identical: differences.length === 0, domains: ordered.map((r) => r.summary), differences };
}
