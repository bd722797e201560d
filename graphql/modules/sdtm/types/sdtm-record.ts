/** An SDTM record in the workspace, with the findings (and so the evidence) it came from. */
import { builder } from '../../../builder.ts';

builder.prismaNode('SdtmRecord', {
  id: { field: 'id' },
  fields: (t) => ({
    domain: t.exposeString('domain'),
    key: t.exposeString('key'),
    seq: t.exposeInt('seq', { nullable: true }),
    variables: t.expose('variables', { type: 'JSON' }),
    edited: t.exposeBoolean('edited'),
    subject: t.relation('subject', { nullable: true }),
    findings: t.relation('findings'),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

export const SdtmDomainCount = builder
  .objectRef<{ domain: string; count: number }>('SdtmDomainCount')
  .implement({
    fields: (t) => ({ domain: t.exposeString('domain'), count: t.exposeInt('count') }),
  });
