/**
 * Conformance of a study's records as they would be exported (lib/sdtm/export/load-study-datasets.ts: one dataset
 * per domain, rows by USUBJID and --SEQ), checked by lib/sdtm/conformance, each row-level issue tied back to the
 * record it is about so the portal can take a person to the cell. The paths match the exported package's issues.
 */
import type { Prisma } from '../../../generated/prisma/client.ts';
import { checkConformance } from '../conformance/check-conformance.ts';
import type { ConformanceIssue } from '../conformance/types.ts';
import { loadStudyDatasets } from '../export/load-study-datasets.ts';

export interface WorkspaceIssue extends ConformanceIssue {
  /** The record of a row-level issue; null for dataset- and variable-level issues. */
  recordId: string | null;
}

export async function checkStudyRecords(
  tx: Prisma.TransactionClient,
  studyId: string,
): Promise<WorkspaceIssue[]> {
  const { datasets, recordIds } = await loadStudyDatasets(tx, studyId);
  return checkConformance(datasets).map((issue) => ({
    ...issue,
    recordId: issue.row === undefined ? null : (recordIds[issue.dataset]?.[issue.row - 1] ?? null),
  }));
}
