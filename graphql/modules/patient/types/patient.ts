/**
 * A patient. Direct identifiers (names, MRN, birth date) resolve only for actors with read:phi; everyone else
 * sees the pseudonym. Nested lists are loaded in the parent's SQL query (Pothos prisma `query` spreading).
 */
import { builder } from '../../../builder.ts';
import { hasScope, type Actor } from '../../../../lib/auth/actor.ts';
import { patientCounts } from '../loaders/patient-counts.ts';
import { FindingKindEnum, FindingStatusEnum } from '../../finding/types/finding-enums.ts';

const phi = <T>(value: T, ctx: { actor: Actor | null }) => (hasScope(ctx.actor, 'read:phi') ? value : null);

export const Patient = builder.prismaNode('Patient', {
  id: { field: 'id' },
  fields: (t) => ({
    pseudonym: t.exposeString('pseudonym'),
    identifiersVisible: t.boolean({ resolve: (_p, _a, ctx) => hasScope(ctx.actor, 'read:phi') }),
    displayName: t.string({
      select: { pseudonym: true, givenName: true, familyName: true },
      resolve: (p, _a, ctx) => phi(`${p.familyName}, ${p.givenName}`, ctx) ?? p.pseudonym,
    }),
    mrn: t.string({ nullable: true, select: { mrn: true }, resolve: (p, _a, ctx) => phi(p.mrn, ctx) }),
    givenName: t.string({
      nullable: true,
      select: { givenName: true },
      resolve: (p, _a, ctx) => phi(p.givenName, ctx),
    }),
    familyName: t.string({
      nullable: true,
      select: { familyName: true },
      resolve: (p, _a, ctx) => phi(p.familyName, ctx),
    }),
    birthDate: t.field({
      type: 'Date',
      nullable: true,
      select: { birthDate: true },
      resolve: (p, _a, ctx) => phi(p.birthDate, ctx),
    }),
    sex: t.exposeString('sex'),
    race: t.exposeString('race', { nullable: true }),
    ethnicity: t.exposeString('ethnicity', { nullable: true }),
    site: t.relation('site'),
    subjects: t.relation('subjects'),
    encounters: t.relation('encounters', {
      args: { limit: t.arg.int({ defaultValue: 50 }) },
      query: (args) => ({ orderBy: { startedAt: 'desc' }, take: Math.min(args.limit ?? 50, 200) }),
    }),
    findingCount: t.int({
      select: { id: true },
      resolve: (p, _a, ctx) => patientCounts(ctx).findings.load(p.id),
    }),
    documentCount: t.int({
      select: { id: true },
      resolve: (p, _a, ctx) => patientCounts(ctx).documents.load(p.id),
    }),
    documents: t.relatedConnection('documents', {
      cursor: 'id',
      totalCount: true,
      query: () => ({ orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] }),
    }),
    findings: t.relatedConnection('findings', {
      cursor: 'id',
      totalCount: true,
      args: {
        kind: t.arg({ type: FindingKindEnum, required: false }),
        status: t.arg({ type: FindingStatusEnum, required: false }),
      },
      query: (args) => ({
        where: { ...(args.kind ? { kind: args.kind } : {}), ...(args.status ? { status: args.status } : {}) },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      }),
    }),
    imagingStudies: t.relation('imagingStudies'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
