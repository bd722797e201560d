import { builder } from '../../../builder.ts';
import { decodeIdArg } from '../../global/ids.ts';
import { JobStatusEnum } from '../types/job.ts';

builder.queryField('jobs', (t) =>
  t.prismaConnection({
    type: 'Job',
    cursor: 'id',
    authScopes: { scope: 'read:jobs' },
    args: { studyId: t.arg.id(), status: t.arg({ type: JobStatusEnum }) },
    totalCount: (_p, args, ctx) => ctx.db.job.count({ where: jobWhere(args.studyId, args.status) }),
    resolve: (query, _root, args, ctx) =>
      ctx.db.job.findMany({
        ...query,
        where: jobWhere(args.studyId, args.status),
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      }),
  }),
);

function jobWhere(studyId: string | number | null | undefined, status: string | null | undefined) {
  const study = decodeIdArg(studyId, 'Study');
  return {
    ...(study ? { studyId: study } : {}),
    ...(status ? { status: status as 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' } : {}),
  };
}
