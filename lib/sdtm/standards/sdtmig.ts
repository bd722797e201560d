/**
 * SDTMIG 3.4 dataset and variable metadata (lib/sdtm/standards/data/sdtmig-3.4.json), loaded on first use and
 * cached.
 *
 * ```ts
 * domainSpec('VS')?.class              // 'Findings'
 * variableSpec('VS', 'VSTESTCD')?.core // 'Req'; codelists ['C66741']
 * variableSpec('VS', '--TESTCD')       // the same: '--' stands for the domain prefix
 * domainSpec('SUPPAE')?.name           // 'SUPPQUAL': SUPP-- datasets share one specification
 * ```
 *
 * Names are matched case-insensitively. Every returned object is frozen and shared: do not mutate it.
 */
import { readStandardsFile } from './load-standards-file.ts';
import type { SdtmigData } from './standards-data.ts';

export const SDTMIG_VERSION = '3.4';

export type SdtmigCore = 'Req' | 'Exp' | 'Perm';

export interface SdtmigVariableSpec {
  /** The SDTMIG dataset the variable belongs to (VS, SUPPQUAL, ...). */
  domain: string;
  name: string;
  label: string;
  type: 'Char' | 'Num';
  role: string;
  core: SdtmigCore;
  /** CDISC codelist codes, empty when the variable is not controlled. */
  codelists: readonly string[];
  /** 1-based position in the SDTMIG specification. */
  order: number;
}

export interface SdtmigDomainSpec {
  /** SDTMIG dataset name: VS, DM, SUPPQUAL, RELREC, ... */
  name: string;
  label: string;
  /** As written in SDTMIG: Interventions, Events, Findings, Findings About, Special-Purpose, Trial Design, ... */
  class: string;
  structure: string;
  /** In SDTMIG order. */
  variables: readonly SdtmigVariableSpec[];
}

interface Index {
  domains: Map<string, SdtmigDomainSpec>;
  variables: Map<string, Map<string, SdtmigVariableSpec>>;
}

let index: Index | undefined;

function load(): Index {
  if (index) return index;
  const data = readStandardsFile<SdtmigData>('sdtmig-3.4.json');
  const domains = new Map<string, SdtmigDomainSpec>();
  const variables = new Map<string, Map<string, SdtmigVariableSpec>>();
  for (const [name, d] of Object.entries(data.domains)) {
    const specs = d.variables.map((v) =>
      Object.freeze({
        domain: name,
        name: v.name,
        label: v.label,
        type: v.type,
        role: v.role,
        core: v.core,
        codelists: Object.freeze(v.codelists ?? []),
        order: v.order,
      }),
    );
    domains.set(
      name,
      Object.freeze({
        name,
        label: d.label,
        class: d.class,
        structure: d.structure,
        variables: Object.freeze(specs),
      }),
    );
    variables.set(name, new Map(specs.map((s) => [s.name, s])));
  }
  index = { domains, variables };
  return index;
}

/** The SDTMIG name for a dataset name: itself, or SUPPQUAL for SUPP-- datasets. */
function specName(dataset: string): string {
  const name = dataset.toUpperCase();
  if (name !== 'SUPPQUAL' && /^SUPP[A-Z0-9]{2,4}$/.test(name) && !load().domains.has(name)) return 'SUPPQUAL';
  return name;
}

/** The specification of an SDTMIG dataset (`VS`, `SUPPAE` → SUPPQUAL), or undefined when SDTMIG has none. */
export function domainSpec(domain: string): SdtmigDomainSpec | undefined {
  return load().domains.get(specName(domain));
}

/**
 * The specification of `variable` in `domain`; `--` at the start of the name stands for the domain prefix
 * (`variableSpec('LB', '--ORRES')` is LBORRES). Undefined when SDTMIG does not list the variable there.
 */
export function variableSpec(domain: string, variable: string): SdtmigVariableSpec | undefined {
  const name = specName(domain);
  const upper = variable.toUpperCase();
  const full = upper.startsWith('--') ? name + upper.slice(2) : upper;
  return load().variables.get(name)?.get(full);
}

/** Every SDTMIG 3.4 dataset name, in the order of the specification. */
export function sdtmigDomainNames(): readonly string[] {
  return [...load().domains.keys()];
}
