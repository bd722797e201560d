/**
 * Builds the rules' view of a study: per dataset its domain, `--` prefix and general observation class, and a
 * lazily built index of DM by USUBJID for cross-dataset rules.
 */
import type { SdtmDataset } from '../dataset.ts';
import { domainSpec } from '../standards/sdtmig.ts';
import type { CoreClass, DatasetContext, StudyContext } from './types.ts';
import { isEmpty } from './values.ts';

const CLASS_BY_SDTMIG: Record<string, CoreClass> = {
  Interventions: 'INTERVENTIONS',
  Events: 'EVENTS',
  Findings: 'FINDINGS',
  // CORE scopes written for FINDINGS apply to Findings About too (FA appears in their FINDINGS test data).
  'Findings About': 'FINDINGS',
  'Special-Purpose': 'SPECIAL PURPOSE',
  'Trial Design': 'TRIAL DESIGN',
  Relationship: 'RELATIONSHIP',
  'Study Reference': 'STUDY REFERENCE',
};

/** The domain of a dataset: its first non-blank DOMAIN value, else its name. */
function domainOf(dataset: SdtmDataset, name: string): string {
  if (dataset.variables.some((v) => v.name.toUpperCase() === 'DOMAIN')) {
    for (const row of dataset.rows) {
      const value = row.DOMAIN;
      if (typeof value === 'string' && !isEmpty(value)) return value.trim().toUpperCase();
    }
  }
  return name;
}

/** SDTMIG class of the domain; for custom domains, guessed from the topic variable as CORE does. */
function classOf(domain: string, prefix: string, names: ReadonlySet<string>): CoreClass | undefined {
  if (/^SUPP[A-Z0-9]+$/.test(domain) || domain === 'RELREC' || domain === 'RELSPEC' || domain === 'RELSUB')
    return 'RELATIONSHIP';
  const spec = domainSpec(domain) ?? (domain.startsWith('AP') ? domainSpec(prefix) : undefined);
  if (spec) return CLASS_BY_SDTMIG[spec.class];
  if (names.has(`${prefix}TESTCD`)) return 'FINDINGS';
  if (names.has(`${prefix}TRT`)) return 'INTERVENTIONS';
  if (names.has(`${prefix}TERM`)) return 'EVENTS';
  return undefined;
}

export function buildDatasetContext(dataset: SdtmDataset, study: StudyContext): DatasetContext {
  const name = dataset.name.toUpperCase();
  const domain = domainOf(dataset, name);
  // Associated-persons domains (APMH) use the prefix of the domain they mirror (MHTERM).
  const prefix = /^AP[A-Z]{2}$/.test(domain) ? domain.slice(2) : domain;
  const keys = new Map(dataset.variables.map((v) => [v.name.toUpperCase(), v.name]));
  const names: ReadonlySet<string> = new Set(keys.keys());
  const resolve = (variable: string) => {
    const upper = variable.toUpperCase();
    return upper.startsWith('--') ? prefix + upper.slice(2) : upper;
  };
  return {
    dataset,
    name,
    domain,
    prefix,
    coreClass: classOf(domain, prefix, names),
    names,
    resolve,
    has: (variable) => names.has(resolve(variable)),
    key: (variable) => keys.get(resolve(variable)),
    study,
  };
}

export function buildStudyContext(datasets: readonly SdtmDataset[]): StudyContext {
  let dmIndex: Map<string, number> | undefined;
  const contexts: DatasetContext[] = [];
  const study: StudyContext = {
    datasets: contexts,
    dm: undefined,
    dmRowOf(usubjid) {
      if (!study.dm) return undefined;
      if (!dmIndex) {
        dmIndex = new Map();
        const rows = study.dm.dataset.rows;
        const key = study.dm.key('USUBJID') ?? 'USUBJID';
        for (let i = 0; i < rows.length; i++) {
          const id = rows[i][key];
          if (typeof id === 'string' && !dmIndex.has(id)) dmIndex.set(id, i);
        }
      }
      return dmIndex.get(usubjid);
    },
  };
  for (const dataset of datasets) contexts.push(buildDatasetContext(dataset, study));
  study.dm = contexts.find((c) => c.name === 'DM');
  return study;
}
