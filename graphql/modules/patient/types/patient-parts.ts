/** The small types around a patient: site, study enrolment, encounters, imaging. */
import { builder } from '../../../builder.ts';

builder.prismaObject('Site', {
  fields: (t) => ({ siteId: t.exposeString('siteId'), name: t.exposeString('name') }),
});

builder.prismaNode('Subject', {
  id: { field: 'id' },
  fields: (t) => ({
    subjid: t.exposeString('subjid'),
    usubjid: t.exposeString('usubjid'),
    rfstdtc: t.exposeString('rfstdtc', { nullable: true }),
    study: t.relation('study'),
    sdtmRecords: t.relatedConnection('sdtmRecords', {
      cursor: 'id',
      totalCount: true,
      query: () => ({ orderBy: [{ domain: 'asc' }, { seq: 'asc' }, { id: 'asc' }] }),
    }),
  }),
});

builder.prismaObject('Encounter', {
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.exposeString('kind'),
    reason: t.exposeString('reason', { nullable: true }),
    startedAt: t.expose('startedAt', { type: 'DateTime' }),
    endedAt: t.expose('endedAt', { type: 'DateTime', nullable: true }),
  }),
});

builder.prismaNode('ImagingStudy', {
  id: { field: 'id' },
  fields: (t) => ({
    studyInstanceUid: t.exposeString('studyInstanceUid'),
    description: t.exposeString('description', { nullable: true }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
  }),
});
