/**
 * Groups a domain's records by natural key (lib/sdtm/compare/natural-key.ts) in one pass: a map keyed by the
 * joined key values, records of a key in file order. In SUPP-- and RELREC a reference to the parent's --SEQ
 * (IDVAR = AESEQ) is replaced by the parent record's own natural key, so renumbering --SEQ on one side does not
 * unpair the qualifiers.
 */
import type { DomainData, DomainRecord } from './group-domains.ts';
import { seqVariable } from './natural-key.ts';
import { keyText } from './values-equal.ts';

export interface KeyedRecord extends DomainRecord {
  /** `VAR=value,…` for the non-empty key values. */
  label: string;
  /** Position in the domain's records (file order). */
  index: number;
}

/** Parent record references of one side: `RDOMAIN USUBJID SEQ` (joined) → the parent's key, e.g. `AE[…]`. */
export type SeqReferences = Map<string, string>;

const SEP = '\u0001';

function seqReference(domain: string, usubjid: string, seq: string): string {
  return [domain, usubjid, seq].join(SEP);
}

export function keyRecords(
  data: DomainData,
  keyVariables: readonly string[],
  references?: SeqReferences,
): Map<string, KeyedRecord[]> {
  const groups = new Map<string, KeyedRecord[]>();
  const translate = references !== undefined && keyVariables.includes('IDVARVAL');
  data.records.forEach((record, index) => {
    const values = keyVariables.map((v) => keyText(record.row[v]));
    if (translate) {
      const i = keyVariables.indexOf('IDVARVAL');
      const rdomain = keyText(record.row.RDOMAIN);
      if (rdomain && keyText(record.row.IDVAR) === seqVariable(rdomain)) {
        const parent = references.get(seqReference(rdomain, keyText(record.row.USUBJID), values[i]));
        if (parent !== undefined) values[i] = parent;
      }
    }
    const key = values.join(SEP);
    const label = keyVariables
      .map((v, i) => (values[i] === '' ? '' : `${v}=${values[i]}`))
      .filter((part) => part !== '')
      .join(',');
    const keyed: KeyedRecord = { ...record, label, index };
    const group = groups.get(key);
    if (group) group.push(keyed);
    else groups.set(key, [keyed]);
  });
  return groups;
}

/** `VS[USUBJID=…,VSTESTCD=SYSBP]`, with `#n` when the key is shared by several records. */
export function recordPath(domain: string, label: string, ordinal: number, duplicated: boolean): string {
  return `${domain}[${label}]${duplicated ? `#${ordinal}` : ''}`;
}

/** Records that `path` is how this side's SUPP-- and RELREC records referring to `record` by --SEQ resolve. */
export function addSeqReference(
  references: SeqReferences | undefined,
  domain: string,
  record: KeyedRecord,
  path: string,
): void {
  if (!references) return;
  const value = keyText(record.row[seqVariable(domain)]);
  if (value !== '') references.set(seqReference(domain, keyText(record.row.USUBJID), value), path);
}
