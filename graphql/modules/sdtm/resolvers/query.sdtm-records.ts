import { builder } from '../../../builder.ts';
import { decodeIdArg } from '../../global/ids.ts';
import { SdtmDomainCount } from '../types/sdtm-record.ts';

builder.queryField('sdtmDomains', (t) =>
  t.field({
    type: [SdtmDomainCount],
    description: 'The domains of a study with their record counts.',
    authScopes: { scope: 'read:sdtm' },
    args: { studyId: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const rows = await ctx.db.sdtmRecord.groupBy({
        by: ['domain'],
        where: { studyId: decodeIdArg(args.studyId, 'Study') ?? '' },
        _count: { _all: true },
        orderBy: { domain: 'asc' },
      });
      return rows.map((r) => ({ domain: r.domain, count: r._count._all }));
    },
  }),
);

builder.queryField('sdtmRecords', (t) =>
  t.prismaConnection({
    type: 'SdtmRecord',
    cursor: 'id',
    description: 'Records of one domain of a study, by subject and sequence.',
    authScopes: { scope: 'read:sdtm' },
    maxSize: 5000,
    defaultSize: 200,
    args: { studyId: t.arg.id({ required: true }), domain: t.arg.string({ required: true }) },
    totalCount: (_p, args, ctx) =>
      ctx.db.sdtmRecord.count({
        where: { studyId: decodeIdArg(args.studyId, 'Study') ?? '', domain: args.domain },
      }),
    resolve: (query, _root, args, ctx) =>
      ctx.db.sdtmRecord.findMany({
        ...query,
        where: { studyId: decodeIdArg(args.studyId, 'Study') ?? '', domain: args.domain },
        orderBy: [{ subject: { usubjid: 'asc' } }, { seq: 'asc' }, { id: 'asc' }],
      }),
  }),
);
