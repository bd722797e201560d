/**
 * Compares one domain present on both sides: variables on one side only, records paired by natural key
 * (duplicates paired in file order), records on one side only, and changed values of the variables both sides
 * have (except the key variables, which match by construction, and --SEQ, whose numbering is the producer's).
 * Linear in the number of records: one map per side, no nested scans.
 */
import type { DomainData } from './group-domains.ts';
import { naturalKeyVariables, seqVariable } from './natural-key.ts';
import { pairRecords } from './pair-records.ts';
import {
  addSeqReference,
  type KeyedRecord,
  keyRecords,
  recordPath,
  type SeqReferences,
} from './record-keys.ts';
import type { DomainComparison, SdtmDifference } from './types.ts';
import { valuesEqual } from './values-equal.ts';

export interface DomainSideInput {
  data: DomainData;
  /** --SEQ references of this side's parent domains, for SUPP-- and RELREC. */
  references?: SeqReferences;
  /** Where to record how this domain's records are referred to by --SEQ (for the SUPP-- compared later). */
  referencesOut?: SeqReferences;
}

export interface DomainCompareResult {
  summary: DomainComparison;
  differences: SdtmDifference[];
}

export function compareDomain(
  a: DomainSideInput,
  b: DomainSideInput,
  tolerance: number,
): DomainCompareResult {
  const domain = a.data.domain;
  const namesA = a.data.variables.map((v) => v.name);
  const namesB = b.data.variables.map((v) => v.name);
  const setA = new Set(namesA);
  const setB = new Set(namesB);
  const differences: SdtmDifference[] = [];
  const variablesOnlyInA = namesA.filter((v) => !setB.has(v));
  const variablesOnlyInB = namesB.filter((v) => !setA.has(v));
  for (const variable of variablesOnlyInA) {
    differences.push({ kind: 'variable-only-in-a', domain, path: `${domain}.${variable}`, variable });
  }
  for (const variable of variablesOnlyInB) {
    differences.push({ kind: 'variable-only-in-b', domain, path: `${domain}.${variable}`, variable });
  }

  const keyVariables = naturalKeyVariables(domain, namesA, namesB);
  const excluded = new Set([...keyVariables, seqVariable(domain)]);
  const compared = namesA.filter((v) => setB.has(v) && !excluded.has(v));
  const groupsA = keyRecords(a.data, keyVariables, a.references);
  const groupsB = keyRecords(b.data, keyVariables, b.references);

  const changedValues: Record<string, number> = {};
  let matched = 0;
  let changedRecords = 0;
  let duplicateKeys = 0;
  const onlyA: SdtmDifference[] = [];
  const onlyB: { index: number; difference: SdtmDifference }[] = [];
  const onlyInB = (record: KeyedRecord, ordinal: number, duplicated: boolean) => {
    const path = recordPath(domain, record.label, ordinal, duplicated);
    addSeqReference(b.referencesOut, domain, record, path);
    const difference: SdtmDifference = {
      kind: 'record-only-in-b',
      domain,
      path,
      dataset: record.dataset,
      row: record.rowNumber,
    };
    onlyB.push({ index: record.index, difference });
  };

  for (const [key, recordsA] of groupsA) {
    const recordsB = groupsB.get(key) ?? [];
    const duplicated = recordsA.length > 1 || recordsB.length > 1;
    if (duplicated) duplicateKeys++;
    const pairing = pairRecords(recordsA, recordsB, compared);
    for (const [ra, rb, ordinal] of pairing.pairs) {
      matched++;
      const path = recordPath(domain, ra.label, ordinal, duplicated);
      addSeqReference(a.referencesOut, domain, ra, path);
      addSeqReference(b.referencesOut, domain, rb, path);
      let changed = false;
      for (const variable of compared) {
        const va = ra.row[variable] ?? null;
        const vb = rb.row[variable] ?? null;
        if (valuesEqual(va, vb, tolerance)) continue;
        changed = true;
        changedValues[variable] = (changedValues[variable] ?? 0) + 1;
        differences.push({
          kind: 'value-changed',
          domain,
          path: `${path}.${variable}`,
          variable,
          a: va,
          b: vb,
        });
      }
      if (changed) changedRecords++;
    }
    for (const [ra, ordinal] of pairing.onlyA) {
      const path = recordPath(domain, ra.label, ordinal, duplicated);
      addSeqReference(a.referencesOut, domain, ra, path);
      onlyA.push({ kind: 'record-only-in-a', domain, path, dataset: ra.dataset, row: ra.rowNumber });
    }
    for (const [rb, ordinal] of pairing.onlyB) onlyInB(rb, ordinal, duplicated);
  }
  for (const [key, recordsB] of groupsB) {
    if (groupsA.has(key)) continue;
    if (recordsB.length > 1) duplicateKeys++;
    recordsB.forEach((rb, i) => onlyInB(rb, i + 1, recordsB.length > 1));
  }
  onlyB.sort((x, y) => x.index - y.index);
  differences.push(...onlyA, ...onlyB.map((o) => o.difference));

  return {
    summary: {
      domain,
      datasetsA: a.data.datasets,
      datasetsB: b.data.datasets,
      rowsA: a.data.records.length,
      rowsB: b.data.records.length,
      keyVariables,
      matched,
      onlyInA: onlyA.length,
      onlyInB: onlyB.length,
      changedRecords,
      changedValues,
      variablesOnlyInA,
      variablesOnlyInB,
      duplicateKeys,
      differences: differences.length,
    },
    differences,
  };
}
