/**
 * Conformance of a study's records as the workspace holds them: one dataset per domain, rows in the grid's order
 * (USUBJID, --SEQ, id), checked by lib/sdtm/conformance, and each row-level issue tied back to the record it is
 * about, so the portal can take a person to the cell.
 */
import type { Prisma } from '../../../generated/prisma/client.ts';
import { checkConformance } from '../conformance/check-conformance.ts';
import type { ConformanceIssue } from '../conformance/types.ts';
import type { SdtmDataset, SdtmValue, SdtmVariable } from '../dataset.ts';
import { domainSpec } from '../standards/sdtmig.ts';

export interface WorkspaceIssue extends ConformanceIssue {
  /** The record of a row-level issue; null for dataset- and variable-level issues. */
  recordId: string | null;
}

export interface StoredRecord {
  id: string;
  domain: string;
  variables: unknown;
}

const filled = (v: SdtmValue | undefined) => v !== null && v !== undefined && v !== '';

function valuesOf(variables: unknown): Record<string, SdtmValue> {
  const row: Record<string, SdtmValue> = {};
  if (!variables || typeof variables !== 'object' || Array.isArray(variables)) return row;
  for (const [k, v] of Object.entries(variables))
    if (typeof v === 'string' || typeof v === 'number') row[k] = v;
  return row;
}

/** Required SDTMIG variables always, other SDTMIG ones when a record holds a value, then sponsor ones by name. */
function datasetOf(domain: string, rows: Record<string, SdtmValue>[]): SdtmDataset {
  const spec = domainSpec(domain);
  const used = new Set(rows.flatMap((row) => Object.keys(row).filter((k) => filled(row[k]))));
  const standard: SdtmVariable[] = (spec?.variables ?? [])
    .filter((v) => v.core === 'Req' || used.has(v.name))
    .map((v) => ({ name: v.name, label: v.label, type: v.type, role: v.role, core: v.core }));
  const known = new Set(spec?.variables.map((v) => v.name));
  const extra: SdtmVariable[] = [...used]
    .filter((name) => !known.has(name))
    .sort()
    .map((name) => ({
      name,
      label: name,
      type: rows.every((row) => !filled(row[name]) || typeof row[name] === 'number') ? 'Num' : 'Char',
    }));
  const variables = [...standard, ...extra];
  return {
    name: domain,
    label: (spec?.label ?? domain).slice(0, 40),
    variables,
    rows: rows.map((row) => Object.fromEntries(variables.map((v) => [v.name, row[v.name] ?? null]))),
  };
}

/** Checks records given in grid order (pure). */
export function checkRecords(records: readonly StoredRecord[]): WorkspaceIssue[] {
  const byDomain = new Map<string, StoredRecord[]>();
  for (const r of records) {
    const list = byDomain.get(r.domain) ?? [];
    list.push(r);
    byDomain.set(r.domain, list);
  }
  // DM first: cross-dataset rules look subjects up there.
  const domains = [...byDomain.keys()].sort((a, b) =>
    a === 'DM' ? -1 : b === 'DM' ? 1 : a.localeCompare(b),
  );
  const datasets = domains.map((d) =>
    datasetOf(
      d,
      byDomain.get(d)!.map((r) => valuesOf(r.variables)),
    ),
  );
  return checkConformance(datasets).map((issue) => ({
    ...issue,
    recordId: issue.row === undefined ? null : (byDomain.get(issue.dataset)?.[issue.row - 1]?.id ?? null),
  }));
}

export async function checkStudyRecords(
  tx: Prisma.TransactionClient,
  studyId: string,
): Promise<WorkspaceIssue[]> {
  const records = await tx.sdtmRecord.findMany({
    where: { studyId },
    select: { id: true, domain: true, variables: true },
    orderBy: [{ subject: { usubjid: 'asc' } }, { seq: 'asc' }, { id: 'asc' }],
  });
  return checkRecords(records);
}
