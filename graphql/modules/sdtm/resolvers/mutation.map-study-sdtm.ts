/** Maps a study's reviewed findings and subjects to SDTM records (idempotent; edited records are kept). */
import { builder } from '../../../builder.ts';
import { mapStudyToSdtm, SdtmStudyNotFound } from '../../../../lib/sdtm/mapping/map-study.ts';
import { NotFoundError } from '../../global/errors.ts';
import { STANDARD_ERRORS } from '../../global/error-types.ts';
import { decodeIdArg } from '../../global/ids.ts';
import { requireActor } from '../../global/require-actor.ts';
import { SdtmMappingSummary } from '../types/sdtm-mapping-summary.ts';

builder.mutationField('mapStudyToSdtm', (t) =>
  t.field({
    type: SdtmMappingSummary,
    description:
      'Map accepted and edited findings and the subjects of a study to SDTM records. Reruns change only what changed; records a programmer edited are never overwritten. Audited.',
    authScopes: { scope: 'write:sdtm' },
    errors: { types: [...STANDARD_ERRORS] },
    args: { studyId: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      try {
        return await mapStudyToSdtm({
          db: ctx.db,
          studyId: decodeIdArg(args.studyId, 'Study') ?? '',
          actor: requireActor(ctx),
          requestId: ctx.requestId,
        });
      } catch (e) {
        if (e instanceof SdtmStudyNotFound) throw new NotFoundError(e.message, 'Study');
        throw e;
      }
    },
  }),
);
