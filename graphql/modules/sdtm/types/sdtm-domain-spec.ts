/** SDTMIG variable metadata and CT codelists of a domain, as the workspace grid needs them. */
import { builder } from '../../../builder.ts';
import type {
  WorkspaceCodelist,
  WorkspaceDomainSpec,
  WorkspaceVariable,
} from '../../../../lib/sdtm/workspace/describe-sdtm-domain.ts';

export const SdtmCodelist = builder.objectRef<WorkspaceCodelist>('SdtmCodelist').implement({
  description: 'A CDISC CT codelist: its submission values, and whether sponsors may add terms.',
  fields: (t) => ({
    code: t.exposeString('code'),
    submissionValue: t.exposeString('submissionValue'),
    name: t.exposeString('name'),
    extensible: t.exposeBoolean('extensible'),
    terms: t.exposeStringList('terms'),
  }),
});

export const SdtmVariableSpec = builder.objectRef<WorkspaceVariable>('SdtmVariableSpec').implement({
  description: 'A variable of an SDTMIG domain specification.',
  fields: (t) => ({
    name: t.exposeString('name'),
    label: t.exposeString('label'),
    type: t.exposeString('type', { description: 'Char or Num' }),
    role: t.exposeString('role'),
    core: t.exposeString('core', { description: 'Req, Exp or Perm' }),
    order: t.exposeInt('order', { description: '1-based position in SDTMIG' }),
    codelists: t.field({ type: [SdtmCodelist], resolve: (v) => v.codelists }),
  }),
});

export const SdtmDomainSpec = builder.objectRef<WorkspaceDomainSpec>('SdtmDomainSpec').implement({
  description: 'The SDTMIG specification of a domain (SUPP-- domains share SUPPQUAL).',
  fields: (t) => ({
    domain: t.exposeString('domain'),
    specification: t.exposeString('specification'),
    label: t.exposeString('label'),
    class: t.exposeString('class'),
    variables: t.field({ type: [SdtmVariableSpec], resolve: (d) => d.variables }),
  }),
});
