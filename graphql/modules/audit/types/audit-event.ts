import { builder } from '../../../builder.ts';
import { AuditOutcome } from '../../../../generated/prisma/enums.ts';

export const AuditOutcomeEnum = builder.enumType(AuditOutcome, { name: 'AuditOutcome' });

builder.prismaObject('AuditEvent', {
  fields: (t) => ({
    id: t.field({ type: 'BigInt', resolve: (e) => e.id }),
    at: t.expose('at', { type: 'DateTime' }),
    actorLabel: t.exposeString('actorLabel'),
    actorUserId: t.exposeString('actorUserId', { nullable: true }),
    actorTokenId: t.exposeString('actorTokenId', { nullable: true }),
    action: t.exposeString('action'),
    outcome: t.expose('outcome', { type: AuditOutcomeEnum }),
    entityType: t.exposeString('entityType', { nullable: true }),
    entityIds: t.exposeStringList('entityIds'),
    patientIds: t.exposeStringList('patientIds'),
    requestId: t.exposeString('requestId', { nullable: true }),
    before: t.expose('before', { type: 'JSON', nullable: true }),
    after: t.expose('after', { type: 'JSON', nullable: true }),
    detail: t.expose('detail', { type: 'JSON', nullable: true }),
  }),
});

export const AuditFilterInput = builder.inputType('AuditFilter', {
  fields: (t) => ({
    actorUserId: t.string(),
    action: t.string({ description: 'Matches actions starting with this text, e.g. "patient."' }),
    outcome: t.field({ type: AuditOutcomeEnum }),
    patientId: t.string(),
    entityId: t.string(),
    from: t.field({ type: 'DateTime' }),
    to: t.field({ type: 'DateTime' }),
  }),
});
