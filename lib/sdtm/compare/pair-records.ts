/**
 * Pairs the records of A and B that share a natural key. A unique key pairs its one record on each side. When
 * the key is duplicated, records whose compared values are all equal pair first (so a different file order
 * alone is no difference), then the rest pair in file order; the extras are on one side only.
 */
import type { KeyedRecord } from './record-keys.ts';
import { keyText } from './values-equal.ts';

export interface RecordPairing {
  /** [A record, B record, 1-based position of the A record in its key group]. */
  pairs: [KeyedRecord, KeyedRecord, number][];
  onlyA: [KeyedRecord, number][];
  onlyB: [KeyedRecord, number][];
}

function signature(record: KeyedRecord, variables: readonly string[]): string {
  return variables.map((v) => keyText(record.row[v])).join('\u0001');
}

export function pairRecords(
  recordsA: readonly KeyedRecord[],
  recordsB: readonly KeyedRecord[],
  comparedVariables: readonly string[],
): RecordPairing {
  const result: RecordPairing = { pairs: [], onlyA: [], onlyB: [] };
  if (recordsA.length <= 1 && recordsB.length <= 1) {
    if (recordsA[0] && recordsB[0]) result.pairs.push([recordsA[0], recordsB[0], 1]);
    else if (recordsA[0]) result.onlyA.push([recordsA[0], 1]);
    else if (recordsB[0]) result.onlyB.push([recordsB[0], 1]);
    return result;
  }
  const freeB = new Map<string, number[]>();
  recordsB.forEach((rb, j) => {
    const s = signature(rb, comparedVariables);
    const list = freeB.get(s);
    if (list) list.push(j);
    else freeB.set(s, [j]);
  });
  const usedB = new Set<number>();
  const unpairedA: number[] = [];
  recordsA.forEach((ra, i) => {
    const j = freeB.get(signature(ra, comparedVariables))?.shift();
    if (j === undefined) unpairedA.push(i);
    else {
      usedB.add(j);
      result.pairs.push([ra, recordsB[j], i + 1]);
    }
  });
  const unpairedB = recordsB.map((_, j) => j).filter((j) => !usedB.has(j));
  unpairedA.forEach((i, n) => {
    const j = unpairedB[n] as number | undefined;
    if (j === undefined) result.onlyA.push([recordsA[i], i + 1]);
    else result.pairs.push([recordsA[i], recordsB[j], i + 1]);
  });
  for (const j of unpairedB.slice(unpairedA.length)) result.onlyB.push([recordsB[j], j + 1]);
  result.pairs.sort((x, y) => x[2] - y[2]);
  return result;
}
