/**
 * Writes a mapping plan minimally: a record whose variables, --SEQ, subject and source findings are unchanged is
 * left alone; a changed one is updated; a new one created; a mapper record whose source is gone (its finding
 * rejected, or no longer the subject's) is deleted. A record a programmer edited is never written or deleted: it
 * is counted as skipped. Records added by hand (not mapper keys) are not touched at all.
 */
import type { Prisma } from '../../../generated/prisma/client.ts';
import type { SdtmValue } from '../dataset.ts';
import { isMapperKey, recordId, type PlannedRecord, type StoredRecord } from './assign-seq.ts';

export interface DomainCounts {
  domain: string;
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  skippedEdited: number;
}

/** Variables as stored: empty values dropped, keys sorted (so equal records compare equal). */
export function storedVariables(variables: Record<string, SdtmValue>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const key of Object.keys(variables).sort()) {
    const value = variables[key];
    if (value !== null && value !== undefined && value !== '') out[key] = value;
  }
  return out;
}

function sameVariables(a: unknown, b: Record<string, string | number>): boolean {
  if (!a || typeof a !== 'object' || Array.isArray(a)) return false;
  const keys = Object.keys(a).sort();
  const other = Object.keys(b);
  if (keys.length !== other.length) return false;
  return keys.every((k, i) => k === other[i] && (a as Record<string, unknown>)[k] === b[k]);
}

const sameSet = (a: string[], b: string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

export async function syncRecords(
  tx: Prisma.TransactionClient,
  studyId: string,
  planned: PlannedRecord[],
  stored: StoredRecord[],
): Promise<DomainCounts[]> {
  const counts = new Map<string, DomainCounts>();
  const count = (domain: string, what: keyof Omit<DomainCounts, 'domain'>) => {
    if (!counts.has(domain))
      counts.set(domain, { domain, created: 0, updated: 0, deleted: 0, unchanged: 0, skippedEdited: 0 });
    counts.get(domain)![what]++;
  };
  const byId = new Map(stored.map((r) => [recordId(r.domain, r.key), r]));
  const wanted = new Set<string>();
  for (const p of planned) {
    const id = recordId(p.domain, p.key);
    wanted.add(id);
    const existing = byId.get(id);
    const variables = storedVariables(p.variables);
    const findings = [...new Set(p.findingIds)];
    if (!existing) {
      await tx.sdtmRecord.create({
        data: {
          studyId,
          subjectId: p.subject.subjectId,
          domain: p.domain,
          key: p.key,
          seq: p.seq,
          variables,
          findings: { connect: findings.map((fid) => ({ id: fid })) },
        },
      });
      count(p.domain, 'created');
    } else if (existing.edited) {
      count(p.domain, 'skippedEdited');
    } else if (
      existing.seq === p.seq &&
      existing.subjectId === p.subject.subjectId &&
      sameVariables(existing.variables, variables) &&
      sameSet(existing.findingIds, findings)
    ) {
      count(p.domain, 'unchanged');
    } else {
      await tx.sdtmRecord.update({
        where: { id: existing.id },
        data: {
          subjectId: p.subject.subjectId,
          seq: p.seq,
          variables,
          findings: { set: findings.map((fid) => ({ id: fid })) },
        },
      });
      count(p.domain, 'updated');
    }
  }
  const gone = stored.filter((r) => isMapperKey(r.key) && !wanted.has(recordId(r.domain, r.key)));
  for (const r of gone) {
    if (r.edited) count(r.domain, 'skippedEdited');
    else count(r.domain, 'deleted');
  }
  const deletable = gone.filter((r) => !r.edited).map((r) => r.id);
  if (deletable.length) await tx.sdtmRecord.deleteMany({ where: { id: { in: deletable } } });
  return [...counts.values()].sort((a, b) => a.domain.localeCompare(b.domain));
}
