import type { SdtmValue } from '../../dataset.ts';
import type { DatasetContext, Rule, StudyContext } from '../types.ts';
import { isEmpty, show, text } from '../values.ts';

/** Per study and domain: subject → --SEQ value → number of records, over every dataset of the domain (split LB too). */
const counts = new WeakMap<StudyContext, Map<string, Map<string, Map<SdtmValue, number>>>>();

function seqCounts(ds: DatasetContext): Map<string, Map<SdtmValue, number>> {
  let byDomain = counts.get(ds.study);
  if (!byDomain) counts.set(ds.study, (byDomain = new Map()));
  let bySubject = byDomain.get(ds.domain);
  if (bySubject) return bySubject;
  bySubject = new Map();
  for (const other of ds.study.datasets) {
    if (other.domain !== ds.domain) continue;
    const seq = other.key('--SEQ');
    const subject = other.key('USUBJID');
    if (seq === undefined || subject === undefined) continue;
    for (const row of other.dataset.rows) {
      const value = row[seq];
      if (isEmpty(value)) continue;
      const id = text(row[subject]);
      let seen = bySubject.get(id);
      if (!seen) bySubject.set(id, (seen = new Map()));
      seen.set(value, (seen.get(value) ?? 0) + 1);
    }
  }
  byDomain.set(ds.domain, bySubject);
  return bySubject;
}

/** --SEQ identifies a subject's record within a domain (across the datasets a domain is split into). */
export const seqUnique = {
  id: 'SDTM-SEQ-UNIQUE',
  description: '--SEQ is unique for each subject within a domain',
  severity: 'error',
  scope: { classes: 'ALL' },
  check(ds, report) {
    const seq = ds.key('--SEQ');
    const subject = ds.key('USUBJID');
    if (seq === undefined || subject === undefined) return;
    const bySubject = seqCounts(ds);
    const rows = ds.dataset.rows;
    for (let r = 0; r < rows.length; r++) {
      const value = rows[r][seq];
      if (isEmpty(value)) continue;
      const n = bySubject.get(text(rows[r][subject]))?.get(value) ?? 0;
      if (n > 1) {
        report({
          row: r,
          variable: seq,
          value,
          message: `${seq} ${show(value)} is used by ${n} ${ds.domain} records of subject ${show(rows[r][subject])}`,
        });
      }
    }
  },
} as const satisfies Rule;
