/** What a mapping run did: per domain counts, and the reviewed findings that gave no record, by reason. */
import { builder } from '../../../builder.ts';
import type { MappingSummary } from '../../../../lib/sdtm/mapping/map-study.ts';
import type { DomainCounts } from '../../../../lib/sdtm/mapping/sync-records.ts';

const SdtmDomainMappingCounts = builder.objectRef<DomainCounts>('SdtmDomainMappingCounts').implement({
  fields: (t) => ({
    domain: t.exposeString('domain'),
    created: t.exposeInt('created'),
    updated: t.exposeInt('updated'),
    deleted: t.exposeInt('deleted'),
    unchanged: t.exposeInt('unchanged'),
    skippedEdited: t.exposeInt('skippedEdited', {
      description: 'Records a programmer edited, left as they are (their source changed or is gone).',
    }),
  }),
});

const SdtmNotMappedCount = builder
  .objectRef<MappingSummary['notMapped'][number]>('SdtmNotMappedCount')
  .implement({
    fields: (t) => ({
      reason: t.exposeString('reason', {
        description:
          'NOT_OCCURRED, FAMILY_HISTORY, HYPOTHETICAL, UNCERTAIN, NO_RESULT, UNKNOWN_TEST or NOT_A_RECORD.',
      }),
      count: t.exposeInt('count'),
    }),
  });

export const SdtmMappingSummary = builder.objectRef<MappingSummary>('SdtmMappingSummary').implement({
  fields: (t) => ({
    domains: t.field({ type: [SdtmDomainMappingCounts], resolve: (s) => s.domains }),
    notMapped: t.field({ type: [SdtmNotMappedCount], resolve: (s) => s.notMapped }),
  }),
});
