/**
 * --SEQ (SDTMIG §4.1.7): unique within USUBJID per domain, deterministic across reruns. Records of a subject are
 * sorted by date, then topic (test code or term), then their stable key, and numbered 1..n, skipping the numbers
 * held by records the mapper does not write (edited by a programmer, or added by hand), so a remap never
 * duplicates a programmer's --SEQ. SUPP-- records are then built against their parent's --SEQ.
 */
import type { MappedRecord } from './mapping-types.ts';
import { suppRecords } from './supp-qualifiers.ts';

/** A stored record, as the mapper compares it. */
export interface StoredRecord {
  id: string;
  domain: string;
  key: string;
  seq: number | null;
  subjectId: string | null;
  variables: unknown;
  edited: boolean;
  findingIds: string[];
}

export interface PlannedRecord extends MappedRecord {
  seq: number | null;
}

/** Keys the mapper owns (and may update or delete); anything else was made by a person. */
export function isMapperKey(key: string): boolean {
  return key.startsWith('F:') || key.startsWith('DM:');
}

export const recordId = (domain: string, key: string) => `${domain}\u0000${key}`;

const compare = (a: MappedRecord, b: MappedRecord) =>
  a.order.dtc.localeCompare(b.order.dtc) ||
  a.order.topic.localeCompare(b.order.topic) ||
  a.key.localeCompare(b.key);

export function assignSeq(records: MappedRecord[], stored: StoredRecord[]): PlannedRecord[] {
  const byId = new Map(stored.map((r) => [recordId(r.domain, r.key), r]));
  const reserved = new Map<string, Set<number>>();
  const group = (domain: string, subjectId: string | null) => `${domain}\u0000${subjectId ?? ''}`;
  for (const r of stored) {
    if ((r.edited || !isMapperKey(r.key)) && r.seq !== null) {
      const g = group(r.domain, r.subjectId);
      if (!reserved.has(g)) reserved.set(g, new Set());
      reserved.get(g)!.add(r.seq);
    }
  }
  const groups = new Map<string, MappedRecord[]>();
  for (const r of records) {
    const g = group(r.domain, r.subject.subjectId);
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push(r);
  }
  const planned: PlannedRecord[] = [];
  for (const [g, list] of groups) {
    list.sort(compare);
    const taken = reserved.get(g) ?? new Set<number>();
    let next = 1;
    for (const r of list) {
      if (r.domain === 'DM') {
        planned.push({ ...r, seq: null });
        continue;
      }
      const existing = byId.get(recordId(r.domain, r.key));
      let seq: number;
      if (existing?.edited && existing.seq !== null) seq = existing.seq;
      else {
        while (taken.has(next)) next++;
        seq = next++;
      }
      planned.push({ ...r, seq, variables: { ...r.variables, [`${r.domain}SEQ`]: seq } });
    }
  }
  const supp = planned.flatMap((p) => suppRecords(p, p.seq).map((s) => ({ ...s, seq: null })));
  return [...planned, ...supp];
}
