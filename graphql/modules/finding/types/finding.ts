/** A machine's or a person's proposal about a patient, with its evidence (a text span or an image box). */
import { builder } from '../../../builder.ts';
import { AssertionEnum, FindingKindEnum, FindingSourceEnum, FindingStatusEnum } from './finding-enums.ts';

builder.prismaNode('Finding', {
  id: { field: 'id' },
  fields: (t) => ({
    kind: t.expose('kind', { type: FindingKindEnum }),
    status: t.expose('status', { type: FindingStatusEnum }),
    source: t.expose('source', { type: FindingSourceEnum }),
    assertion: t.expose('assertion', { type: AssertionEnum }),
    label: t.exposeString('label'),
    value: t.exposeString('value', { nullable: true }),
    valueNum: t.exposeFloat('valueNum', { nullable: true }),
    unit: t.exposeString('unit', { nullable: true }),
    code: t.exposeString('code', { nullable: true }),
    codeSystem: t.exposeString('codeSystem', { nullable: true }),
    confidence: t.exposeFloat('confidence'),
    spanStart: t.exposeInt('spanStart', { nullable: true }),
    spanEnd: t.exposeInt('spanEnd', { nullable: true }),
    spanText: t.exposeString('spanText', { nullable: true }),
    page: t.exposeInt('page', { nullable: true }),
    box: t.expose('box', { type: 'JSON', nullable: true }),
    domain: t.exposeString('domain', { nullable: true }),
    variables: t.expose('variables', { type: 'JSON', nullable: true }),
    extractorId: t.exposeString('extractorId'),
    extractorVersion: t.exposeString('extractorVersion'),
    document: t.relation('document', { nullable: true }),
    reviewedBy: t.relation('reviewedBy', { nullable: true }),
    reviewedAt: t.expose('reviewedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
