/** Reads a DM variable for a record of another dataset, matching on USUBJID (CORE "Match Datasets: DM"). */
import type { SdtmValue } from '../../dataset.ts';
import type { DatasetContext } from '../types.ts';

export type DmValueOf = (row: Record<string, SdtmValue>) => SdtmValue | undefined;

/**
 * A reader of DM.`variable` for rows of `ds` (their own value when `ds` is DM), or undefined when the study
 * has no DM, DM lacks the variable, or `ds` has no USUBJID.
 */
export function dmValueOf(ds: DatasetContext, variable: string): DmValueOf | undefined {
  const dm = ds.study.dm;
  const dmKey = dm?.key(variable);
  if (!dm || dmKey === undefined) return undefined;
  if (dm === ds) return (row) => row[dmKey];
  const usubjid = ds.key('USUBJID');
  if (usubjid === undefined) return undefined;
  const dmRows = dm.dataset.rows;
  return (row) => {
    const id = row[usubjid];
    const r = typeof id === 'string' ? ds.study.dmRowOf(id) : undefined;
    return r === undefined ? undefined : dmRows[r][dmKey];
  };
}
