import { z } from 'zod';
import { builder } from '../../../builder.ts';
import { auditedRead } from '../../../../lib/audit/audited-read.ts';
import { patientOrderBy, patientWhere } from '../../../../lib/patients/patient-search.ts';
import { decodeIdArg } from '../../global/ids.ts';

const SortField = builder.enumType('PatientSortField', {
  values: ['NAME', 'MRN', 'CREATED_AT', 'FINDING_COUNT'] as const,
});
const SortDirection = builder.enumType('SortDirection', { values: ['ASC', 'DESC'] as const });
const PatientSort = builder.inputType('PatientSort', {
  fields: (t) => ({
    field: t.field({ type: SortField, required: true }),
    direction: t.field({ type: SortDirection, defaultValue: 'ASC' }),
  }),
});

builder.queryField('patients', (t) =>
  t.prismaConnection({
    type: 'Patient',
    cursor: 'id',
    description:
      'Patients, searchable by MRN, name or pseudonym (identifiers only with read:phi), paged by cursor.',
    authScopes: { scope: 'read:patients' },
    complexity: { field: 1, multiplier: 1 },
    maxSize: 200,
    defaultSize: 50,
    args: {
      search: t.arg.string({ validate: z.string().max(100) }),
      studyId: t.arg.id({ description: 'Global id of a study' }),
      sex: t.arg.string({ validate: z.string().max(1) }),
      sort: t.arg({ type: PatientSort }),
    },
    totalCount: (_parent, args, ctx) =>
      ctx.db.patient.count({
        where: patientWhere(ctx.actor, { ...args, studyId: decodeIdArg(args.studyId, 'Study') }),
      }),
    resolve: (query, _parent, args, ctx) => {
      const search = { ...args, studyId: decodeIdArg(args.studyId, 'Study') };
      return auditedRead({
        db: ctx.db,
        actor: ctx.actor,
        requestId: ctx.requestId,
        action: 'patient.list',
        entityType: 'Patient',
        read: (tx) =>
          tx.patient.findMany({
            ...query,
            where: patientWhere(ctx.actor, search),
            orderBy: patientOrderBy(ctx.actor, search),
          }),
        reveals: (rows) => ({ entityIds: rows.map((r) => r.id), patientIds: rows.map((r) => r.id) }),
        detail: { search: args.search ? '(redacted)' : null, studyId: search.studyId ?? null },
      });
    },
  }),
);
