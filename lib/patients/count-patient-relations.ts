/**
 * Findings and documents per patient for a page of patients, in one indexed query each. Prisma's relation counts
 * aggregate the whole child table before joining (about 100 ms at 200,000 findings); this counts only the rows of
 * the patients asked for (about 1 ms for a page of 50).
 */
import type { Db } from '../db/client.ts';

type Counts = { patientId: string; n: bigint }[];

function inOrder(ids: readonly string[], rows: Counts): number[] {
  const byId = new Map(rows.map((r) => [r.patientId, Number(r.n)]));
  return ids.map((id) => byId.get(id) ?? 0);
}

export async function countFindingsByPatient(db: Db, ids: readonly string[]): Promise<number[]> {
  const rows = await db.$queryRaw<Counts>`
    SELECT "patientId", count(*) AS n FROM "Finding" WHERE "patientId" = ANY(${[...ids]}) GROUP BY 1`;
  return inOrder(ids, rows);
}

export async function countDocumentsByPatient(db: Db, ids: readonly string[]): Promise<number[]> {
  const rows = await db.$queryRaw<Counts>`
    SELECT "patientId", count(*) AS n FROM "Document" WHERE "patientId" = ANY(${[...ids]}) GROUP BY 1`;
  return inOrder(ids, rows);
}
