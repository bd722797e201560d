import { builder } from '../../../builder.ts';
import { auditedRead } from '../../../../lib/audit/audited-read.ts';
import { NotFoundError } from '../../global/errors.ts';
import { STANDARD_ERRORS } from '../../global/error-types.ts';
import { decodeIdArg } from '../../global/ids.ts';

builder.queryField('patient', (t) =>
  t.prismaField({
    type: 'Patient',
    description:
      'One patient with documents, images, findings and SDTM records, in one SQL round of queries.',
    authScopes: { scope: 'read:patients' },
    errors: { types: [...STANDARD_ERRORS] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = decodeIdArg(args.id, 'Patient');
      const patient = await auditedRead({
        db: ctx.db,
        actor: ctx.actor,
        requestId: ctx.requestId,
        action: 'patient.read',
        entityType: 'Patient',
        read: (tx) => (id ? tx.patient.findUnique({ ...query, where: { id } }) : Promise.resolve(null)),
        reveals: (p) => ({ entityIds: [id ?? String(args.id)], patientIds: p ? [p.id] : [] }),
      });
      if (!patient) throw new NotFoundError('No patient with that id', 'Patient');
      return patient;
    },
  }),
);
