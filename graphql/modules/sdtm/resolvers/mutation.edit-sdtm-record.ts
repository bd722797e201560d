/** Workspace edits: every change validated, audited with a reason, and marked as a person's edit. */
import { builder } from '../../../builder.ts';
import {
  createSdtmRecord,
  deleteSdtmRecord,
  SdtmEditError,
  SdtmRecordNotFound,
  updateSdtmRecord,
} from '../../../../lib/sdtm/workspace/edit-sdtm-record.ts';
import { checkControlledTerm } from '../../../../lib/sdtm/workspace/check-controlled-term.ts';
import { NotFoundError, ValidationError } from '../../global/errors.ts';
import { STANDARD_ERRORS } from '../../global/error-types.ts';
import { decodeIdArg } from '../../global/ids.ts';
import { requireActor } from '../../global/require-actor.ts';

type Vars = Record<string, string | number | null>;

function asVariables(value: unknown): Vars {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new ValidationError('Invalid input', [
      { path: ['variables'], message: 'an object of VARIABLE: value' },
    ]);
  }
  return value as Vars;
}

async function mapErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof SdtmEditError) {
      throw new ValidationError(
        'The edit breaks the standard',
        e.issues.map((i) => ({ path: i.path.split('.'), message: i.message })),
      );
    }
    if (e instanceof SdtmRecordNotFound) throw new NotFoundError(e.message, 'SdtmRecord');
    throw e;
  }
}

builder.mutationField('updateSdtmRecord', (t) =>
  t.prismaField({
    type: 'SdtmRecord',
    description: 'Change variables of a record (null removes a permissible variable). A reason is required.',
    authScopes: { scope: 'write:sdtm' },
    errors: { types: [...STANDARD_ERRORS] },
    args: {
      id: t.arg.id({ required: true }),
      variables: t.arg({ type: 'JSON', required: true }),
      reason: t.arg.string({ required: true }),
    },
    resolve: (_q, _r, args, ctx) =>
      mapErrors(() =>
        updateSdtmRecord(ctx.db, requireActor(ctx), {
          id: decodeIdArg(args.id, 'SdtmRecord') ?? '',
          changes: asVariables(args.variables),
          reason: args.reason,
          requestId: ctx.requestId,
          checkTerm: checkControlledTerm,
        }),
      ),
  }),
);

builder.mutationField('createSdtmRecord', (t) =>
  t.prismaField({
    type: 'SdtmRecord',
    authScopes: { scope: 'write:sdtm' },
    errors: { types: [...STANDARD_ERRORS] },
    args: {
      studyId: t.arg.id({ required: true }),
      subjectId: t.arg.id(),
      domain: t.arg.string({ required: true }),
      variables: t.arg({ type: 'JSON', required: true }),
      reason: t.arg.string({ required: true }),
    },
    resolve: (_q, _r, args, ctx) =>
      mapErrors(() =>
        createSdtmRecord(ctx.db, requireActor(ctx), {
          studyId: decodeIdArg(args.studyId, 'Study') ?? '',
          subjectId: decodeIdArg(args.subjectId, 'Subject'),
          domain: args.domain.toUpperCase(),
          variables: asVariables(args.variables),
          reason: args.reason,
          requestId: ctx.requestId,
          checkTerm: checkControlledTerm,
        }),
      ),
  }),
);

builder.mutationField('deleteSdtmRecord', (t) =>
  t.prismaField({
    type: 'SdtmRecord',
    authScopes: { scope: 'write:sdtm' },
    errors: { types: [...STANDARD_ERRORS] },
    args: { id: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: (_q, _r, args, ctx) =>
      mapErrors(() =>
        deleteSdtmRecord(ctx.db, requireActor(ctx), {
          id: decodeIdArg(args.id, 'SdtmRecord') ?? '',
          reason: args.reason,
          requestId: ctx.requestId,
        }),
      ),
  }),
);
