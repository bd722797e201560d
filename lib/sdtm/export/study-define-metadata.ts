/**
 * The Define-XML metadata of a study's datasets: class and structure from SDTMIG 3.4 (XB: the custom domain,
 * flagged non-standard), keys, codelists from CDISC CT 2025-03-28 (only the terms the data uses are written),
 * --SEQ and study days as derived with their methods, everything else collected from the source.
 */
import type { SdtmDataset } from '../dataset.ts';
import {
  toDefineClass,
  type DefineCodelist,
  type DefineDatasetMeta,
  type DefineMetadata,
  type DefineVariableMeta,
} from '../define/define-metadata.ts';
import { CUSTOM_DOMAINS } from '../mapping/custom-domains.ts';
import { codelist, CT_VERSION } from '../standards/controlled-terminology.ts';
import { domainSpec } from '../standards/sdtmig.ts';

const METHODS: DefineMetadata['methods'] = [
  {
    id: 'SEQ',
    name: 'Sequence number',
    type: 'Computation',
    description:
      'Records of a subject in a domain sorted by date, topic (test code or term) and source finding, numbered from 1; numbers held by records edited by hand are skipped.',
  },
  {
    id: 'DY',
    name: 'Study day',
    type: 'Computation',
    description:
      'Date minus DM.RFSTDTC plus 1 when on or after RFSTDTC, else date minus RFSTDTC (no day 0); only when both dates are complete.',
  },
];

function datasetMeta(ds: SdtmDataset): DefineDatasetMeta {
  const names = new Set(ds.variables.map((v) => v.name));
  const custom = CUSTOM_DOMAINS[ds.name];
  const spec = custom ? undefined : domainSpec(ds.name);
  const isSupp = spec?.name === 'SUPPQUAL';
  const keys = isSupp
    ? ['STUDYID', 'RDOMAIN', 'USUBJID', 'IDVAR', 'IDVARVAL', 'QNAM']
    : ['STUDYID', 'USUBJID', `${ds.name}SEQ`];
  const variables: Record<string, DefineVariableMeta> = {};
  for (const v of ds.variables) {
    if (v.name === `${ds.name}SEQ`)
      variables[v.name] = { origin: { type: 'Derived', source: 'Sponsor' }, methodId: 'SEQ' };
    else if (/DY$/.test(v.name) && v.type === 'Num' && v.name !== 'AGE')
      variables[v.name] = { origin: { type: 'Derived', source: 'Sponsor' }, methodId: 'DY' };
    else if (
      ['STUDYID', 'DOMAIN', 'USUBJID', 'RDOMAIN', 'IDVAR', 'IDVARVAL', 'QNAM', 'QLABEL', 'QORIG'].includes(
        v.name,
      )
    )
      variables[v.name] = { origin: { type: 'Assigned', source: 'Sponsor' } };
  }
  return {
    class: custom ? 'FINDINGS' : (toDefineClass(spec?.class ?? '') ?? 'FINDINGS'),
    structure:
      custom?.structure ??
      (isSupp ? spec!.structure : (spec?.structure ?? 'One record per record of the source')),
    keys: keys.filter((k) => names.has(k)),
    ...(custom
      ? {
          isNonStandard: true,
          comment:
            'Sponsor-defined domain for BI-RADS breast imaging assessments (no SDTMIG 3.4 domain covers the breast).',
        }
      : {}),
    variables,
  };
}

function codelistsFor(datasets: SdtmDataset[]): DefineCodelist[] {
  const codes = [
    ...new Set(datasets.flatMap((ds) => ds.variables.flatMap((v) => (v.codelist ? [v.codelist] : [])))),
  ];
  return codes.flatMap((code) => {
    const cl = codelist(code);
    if (!cl) return [];
    return [
      {
        id: code,
        name: cl.name,
        nciCode: cl.code,
        extensible: cl.extensible,
        terms: cl.terms.map((t) => ({ value: t.submissionValue, nciCode: t.code })),
      },
    ];
  });
}

export function studyDefineMetadata(
  study: { studyId: string; title: string; description: string | null },
  datasets: SdtmDataset[],
): DefineMetadata {
  return {
    study: {
      name: study.studyId,
      description: study.description ?? study.title,
      protocolName: study.studyId,
    },
    ctVersion: CT_VERSION,
    originator: 'imagEHR',
    datasets: Object.fromEntries(datasets.map((ds) => [ds.name, datasetMeta(ds)])),
    codelists: codelistsFor(datasets),
    methods: METHODS,
    defaultOrigin: { type: 'Collected', source: 'Investigator' },
  };
}
