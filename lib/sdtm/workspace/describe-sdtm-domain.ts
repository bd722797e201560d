/**
 * What the workspace grid needs to know about a domain, from SDTMIG 3.4 and CDISC CT: its variables in
 * specification order with label, core and type, and for controlled variables their codelists' submission values
 * and whether sponsors may extend them. Sponsor domains the mapper defines (XB) use its specification; other
 * custom domains have none: `null`.
 */
import { CUSTOM_DOMAINS } from '../mapping/custom-domains.ts';
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
  /** The SDTMIG dataset that specifies it (SUPPQUAL for SUPPAE), or `sponsor` for a sponsor-defined domain. */
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
  const custom = CUSTOM_DOMAINS[name];
  if (custom) {
    return {
      domain: name,
      specification: 'sponsor',
      label: custom.label,
      class: custom.class,
      variables: custom.variables.map((v, i) => ({
        name: v.name,
        label: v.label,
        type: v.type,
        role: v.role ?? '',
        core: v.core ?? 'Perm',
        order: i + 1,
        codelists: v.codelist
          ? [workspaceCodelist(v.codelist)].filter((c): c is WorkspaceCodelist => c !== null)
          : [],
      })),
    };
  }
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
