/**
 * A study's SDTM records as datasets, ready for any writer: one dataset per domain (DM first, then by name),
 * variables in SDTMIG 3.4 order (lib/sdtm/standards; the custom XB from mapping/custom-domains.ts) — every Req
 * variable, and Exp/Perm ones only when some record holds a value — then any sponsor variable a programmer
 * added, by name. Records sorted by USUBJID and --SEQ (SUPP-- by parent --SEQ and QNAM).
 */
import type { Prisma } from '../../../generated/prisma/client.ts';
import type { SdtmDataset, SdtmValue, SdtmVariable } from '../dataset.ts';
import { CUSTOM_DOMAINS } from '../mapping/custom-domains.ts';
import { codelist } from '../standards/controlled-terminology.ts';
import { domainSpec } from '../standards/sdtmig.ts';

type Row = Record<string, SdtmValue>;

interface StoredRow {
  id: string;
  domain: string;
  seq: number | null;
  variables: unknown;
  usubjid: string;
}

const present = (v: SdtmValue | undefined) => v !== null && v !== undefined && v !== '';

function specVariables(domain: string): { label: string; variables: SdtmVariable[] } | undefined {
  const custom = CUSTOM_DOMAINS[domain];
  if (custom) return { label: custom.label, variables: custom.variables };
  const spec = domainSpec(domain);
  if (!spec) return undefined;
  const parent = spec.name === 'SUPPQUAL' ? domain.slice(4) : null;
  const label = parent ? `Supplemental Qualifiers for ${parent}` : spec.label;
  return {
    label,
    variables: spec.variables.map((v) => {
      const cl = v.codelists.find((code) => codelist(code) !== undefined);
      return {
        name: v.name,
        label: v.label,
        type: v.type,
        role: v.role,
        core: v.core,
        ...(cl ? { codelist: cl } : {}),
      };
    }),
  };
}

function rowOf(variables: unknown): Row {
  const row: Row = {};
  if (!variables || typeof variables !== 'object' || Array.isArray(variables)) return row;
  for (const [k, v] of Object.entries(variables)) {
    if (typeof v === 'string' || typeof v === 'number') row[k] = v;
  }
  return row;
}

function sortKey(domain: string, r: StoredRow, row: Row): (string | number)[] {
  if (domain.startsWith('SUPP')) return [r.usubjid, Number(row.IDVARVAL ?? 0), String(row.QNAM ?? '')];
  return [r.usubjid, r.seq ?? 0];
}

function compareKeys(a: (string | number)[], b: (string | number)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    if (c !== 0) return c;
  }
  return 0;
}

export interface StudyDatasets {
  datasets: SdtmDataset[];
  /** Per dataset, the id of the record behind each row, in row order. */
  recordIds: Record<string, string[]>;
}

/** Datasets from stored records (pure; see `loadStudyDatasets` for the database read). */
export function datasetsFromRecords(records: StoredRow[]): StudyDatasets {
  const recordIds: Record<string, string[]> = {};
  const byDomain = new Map<string, StoredRow[]>();
  for (const r of records) {
    if (!byDomain.has(r.domain)) byDomain.set(r.domain, []);
    byDomain.get(r.domain)!.push(r);
  }
  const names = [...byDomain.keys()].sort((a, b) => (a === 'DM' ? -1 : b === 'DM' ? 1 : a.localeCompare(b)));
  const datasets = names.map((domain) => {
    const stored = byDomain.get(domain)!;
    const sorted = stored
      .map((r) => ({ r, row: rowOf(r.variables) }))
      .sort((a, b) => compareKeys(sortKey(domain, a.r, a.row), sortKey(domain, b.r, b.row)));
    recordIds[domain] = sorted.map((x) => x.r.id);
    const rows = sorted.map((x) => x.row);
    const spec = specVariables(domain);
    const known = new Set(spec?.variables.map((v) => v.name));
    const used = new Set(rows.flatMap((row) => Object.keys(row).filter((k) => present(row[k]))));
    const standard = (spec?.variables ?? []).filter((v) => v.core === 'Req' || used.has(v.name));
    const extra: SdtmVariable[] = [...used]
      .filter((name) => !known.has(name))
      .sort()
      .map((name) => ({
        name,
        label: name,
        type: rows.every((row) => !present(row[name]) || typeof row[name] === 'number') ? 'Num' : 'Char',
      }));
    const variables = [...standard, ...extra];
    const charNames = variables.filter((v) => v.type === 'Char').map((v) => v.name);
    for (const row of rows) {
      for (const name of charNames) if (typeof row[name] === 'number') row[name] = String(row[name]);
    }
    return {
      name: domain,
      label: (spec?.label ?? domain).slice(0, 40),
      variables,
      rows: rows.map((row) => Object.fromEntries(variables.map((v) => [v.name, row[v.name] ?? null]))),
    };
  });
  return { datasets, recordIds };
}

export async function loadStudyDatasets(tx: Prisma.TransactionClient, studyId: string) {
  const records = await tx.sdtmRecord.findMany({
    where: { studyId },
    select: {
      id: true,
      domain: true,
      seq: true,
      variables: true,
      subject: { select: { usubjid: true, patientId: true } },
    },
  });
  const { datasets, recordIds } = datasetsFromRecords(
    records.map((r) => ({
      id: r.id,
      domain: r.domain,
      seq: r.seq,
      variables: r.variables,
      usubjid: r.subject?.usubjid ?? String(rowOf(r.variables).USUBJID ?? ''),
    })),
  );
  const patientIds = [...new Set(records.flatMap((r) => (r.subject ? [r.subject.patientId] : [])))];
  return { datasets, recordIds, patientIds };
}
