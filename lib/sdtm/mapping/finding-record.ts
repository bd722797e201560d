/** The record a finding maps to: identifiers, the mapper's variables, and the link back to the finding. */
import { identifiers } from './finding-fields.ts';
import type {
  MappedRecord,
  SdtmVariables,
  SourceFinding,
  SubjectContext,
  SuppQualifier,
} from './mapping-types.ts';

export function findingRecord(
  f: SourceFinding,
  subject: SubjectContext,
  o: { domain: string; variables: SdtmVariables; topic: string; dtc: string | null; supp?: SuppQualifier[] },
): MappedRecord {
  return {
    domain: o.domain,
    key: `F:${f.id}`,
    subject,
    variables: { ...identifiers(subject, o.domain), ...o.variables, [`${o.domain}SPID`]: f.id },
    order: { dtc: o.dtc ?? '', topic: o.topic },
    findingIds: [f.id],
    supp: o.supp ?? [],
  };
}
