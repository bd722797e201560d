/**
 * The variables that identify a record of a domain independently of --SEQ (which each producer numbers its
 * own way):
 *
 * - Findings (and Findings About): USUBJID, FAOBJ for FA, --TESTCD, VISITNUM, --DTC, --TPT
 * - Interventions: USUBJID, --TRT, --STDTC (--DTC when there is no --STDTC)
 * - Events: USUBJID, --TERM, --STDTC (--DTC when there is no --STDTC)
 * - DM: USUBJID; SV: USUBJID, VISITNUM; SE: USUBJID, ETCD, SESTDTC
 * - SUPP--: RDOMAIN, USUBJID, IDVAR, IDVARVAL, QNAM; RELREC: RDOMAIN, USUBJID, IDVAR, IDVARVAL, RELID
 * - trial design: TA ARMCD, TAETORD; TE ETCD; TV VISITNUM, ARMCD; TI IETESTCD; TS TSPARMCD
 * - any other domain: every variable except --SEQ
 *
 * Only variables present on both sides are used, so a variable added on one side does not unpair records.
 * When a key is not unique the records sharing it are paired in file order.
 */
import { domainSpec } from '../standards/sdtmig.ts';

const FIXED: Record<string, string[]> = {
  DM: ['USUBJID'],
  SV: ['USUBJID', 'VISITNUM'],
  SE: ['USUBJID', 'ETCD', 'SESTDTC'],
  RELREC: ['RDOMAIN', 'USUBJID', 'IDVAR', 'IDVARVAL', 'RELID'],
  TA: ['ARMCD', 'TAETORD'],
  TE: ['ETCD'],
  TV: ['VISITNUM', 'ARMCD'],
  TI: ['IETESTCD'],
  TS: ['TSPARMCD'],
};

const SUPP = ['RDOMAIN', 'USUBJID', 'IDVAR', 'IDVARVAL', 'QNAM'];

/** The --SEQ variable of a domain (AESEQ for AE), which never takes part in a key or a value comparison. */
export function seqVariable(domain: string): string {
  return `${domain.slice(0, 2)}SEQ`;
}

function candidates(domain: string): string[] | undefined {
  if (domain.startsWith('SUPP')) return SUPP;
  if (FIXED[domain]) return FIXED[domain];
  const p = domain.slice(0, 2);
  const cls = domainSpec(domain)?.class ?? domainSpec(p)?.class ?? '';
  if (cls.startsWith('Findings')) {
    return ['USUBJID', ...(p === 'FA' ? ['FAOBJ'] : []), `${p}TESTCD`, 'VISITNUM', `${p}DTC`, `${p}TPT`];
  }
  if (cls === 'Interventions') return ['USUBJID', `${p}TRT`, `${p}STDTC`];
  if (cls === 'Events') return ['USUBJID', `${p}TERM`, `${p}STDTC`];
  return undefined;
}

/** Key variables of `domain` given the variable names present in A and in B. */
export function naturalKeyVariables(
  domain: string,
  variablesA: readonly string[],
  variablesB: readonly string[],
): string[] {
  const inB = new Set(variablesB);
  const common = variablesA.filter((v) => inB.has(v));
  const shared = new Set(common);
  const wanted = candidates(domain);
  if (!wanted) return common.filter((v) => v !== seqVariable(domain));
  const p = domain.slice(0, 2);
  const key = wanted.filter((v) => shared.has(v));
  // Interventions and events without a start date: fall back to the collection date.
  if (wanted.includes(`${p}STDTC`) && !shared.has(`${p}STDTC`) && shared.has(`${p}DTC`)) key.push(`${p}DTC`);
  return key;
}
