/**
 * Non-standard qualifiers (SDTMIG §8.4): a proposed variable the parent domain does not define goes to SUPP--
 * as one record per qualifier per parent record — RDOMAIN, IDVAR (--SEQ; null for DM), IDVARVAL, QNAM (≤ 8),
 * QLABEL (≤ 40), QVAL, QORIG.
 */
import { variableSpec } from '../standards/sdtmig.ts';
import { text, type ProposedVariables } from './finding-fields.ts';
import type { MappedRecord, SdtmVariables, SuppQualifier } from './mapping-types.ts';

/** Labels of the non-standard qualifiers the extractors propose. */
const KNOWN_LABELS: Record<string, string> = {
  MHREACT: 'Allergic Reaction',
  RACEOTH: 'Race, Other',
  MHICD10: 'ICD-10-CM Code',
};

const QNAM = /^[A-Z][A-Z0-9]{0,7}$/;

export function qualifier(
  qnam: string,
  qval: unknown,
  qorig: SuppQualifier['qorig'] = 'Collected',
  qlabel?: string,
): SuppQualifier[] {
  const value = text(qval);
  if (value === null || !QNAM.test(qnam)) return [];
  return [
    { qnam, qlabel: (qlabel ?? KNOWN_LABELS[qnam] ?? qnam).slice(0, 40), qval: value.slice(0, 200), qorig },
  ];
}

/**
 * The proposed variables that are not SDTMIG variables of `domain` (and not a generic "--" placeholder), as
 * supplemental qualifiers.
 */
export function nonStandardQualifiers(domain: string, v: ProposedVariables): SuppQualifier[] {
  const out: SuppQualifier[] = [];
  for (const [name, value] of Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) {
    if (name.startsWith('--') || variableSpec(domain, name)) continue;
    out.push(...qualifier(name, value));
  }
  return out;
}

/** The SUPP-- records of a parent record whose --SEQ is `seq` (null for DM). */
export function suppRecords(parent: MappedRecord, seq: number | null): MappedRecord[] {
  const isDm = parent.domain === 'DM';
  return parent.supp.map((q) => {
    const variables: SdtmVariables = {
      STUDYID: parent.subject.studyid,
      RDOMAIN: parent.domain,
      USUBJID: parent.subject.usubjid,
      IDVAR: isDm ? null : `${parent.domain}SEQ`,
      IDVARVAL: isDm || seq === null ? null : String(seq),
      QNAM: q.qnam,
      QLABEL: q.qlabel,
      QVAL: q.qval,
      QORIG: q.qorig,
    };
    return {
      domain: `SUPP${parent.domain}`,
      key: `${parent.key}:${q.qnam}`,
      subject: parent.subject,
      variables,
      order: { dtc: '', topic: q.qnam },
      findingIds: parent.findingIds,
      supp: [],
    };
  });
}
