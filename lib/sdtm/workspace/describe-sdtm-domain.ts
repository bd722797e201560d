/**
 * What the workspace grid needs to know about a domain, from SDTMIG 3.4 and CDISC CT: its variables in
 * specification order with label, core and type, and for controlled variables their codelists' submission values
 * and whether sponsors may extend them. Custom domains (not in SDTMIG) have no specification: `null`.
 */
import { codelist } from '../standards/controlled-terminology.ts';
import { domainSpec, type SdtmigCore } from '../standards/sdtmig.ts';

export interface WorkspaceCodelist {
  code: string;
  submissionValue: string;
  name: string;
  extensible: boolean;
  /** Submission values, in CT order. */
  terms: string[];
}

export interface WorkspaceVariable {
  name: string;
  label: string;
  type: 'Char' | 'Num';
  role: string;
  core: SdtmigCore;
  /** 1-based position in the SDTMIG specification. */
  order: number;
  codelists: WorkspaceCodelist[];
}

export interface WorkspaceDomainSpec {
  /** The domain asked for (SUPPAE), upper-cased. */
  domain: string;
  /** The SDTMIG dataset that specifies it (SUPPQUAL for SUPPAE). */
  specification: string;
  label: string;
  class: string;
  variables: WorkspaceVariable[];
}

function workspaceCodelist(code: string): WorkspaceCodelist | null {
  const list = codelist(code);
  if (!list) return null;
  return {
    code: list.code,
    submissionValue: list.submissionValue,
    name: list.name,
    extensible: list.extensible,
    terms: list.terms.map((t) => t.submissionValue),
  };
}

export function describeSdtmDomain(domain: string): WorkspaceDomainSpec | null {
  const name = domain.trim().toUpperCase();
  const spec = domainSpec(name);
  if (!spec) return null;
  return {
    domain: name,
    specification: spec.name,
    label: spec.label,
    class: spec.class,
    variables: spec.variables.map((v) => ({
      name: v.name,
      label: v.label,
      type: v.type,
      role: v.role,
      core: v.core,
      order: v.order,
      codelists: v.codelists.map(workspaceCodelist).filter((c): c is WorkspaceCodelist => c !== null),
    })),
  };
}
