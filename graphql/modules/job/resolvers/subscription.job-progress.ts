/** Live job progress over SSE, fed by Postgres NOTIFY so workers in any process reach every subscriber. */
import { builder } from '../../../builder.ts';
import { jobEvents } from '../../../../lib/jobs/job-event-stream.ts';
import type { JobEvent } from '../../../../lib/jobs/job-events.ts';
import { decodeIdArg } from '../../global/ids.ts';
import { JobEventType } from '../types/job.ts';

builder.subscriptionField('jobProgress', (t) =>
  t.field({
    type: JobEventType,
    authScopes: { scope: 'read:jobs' },
    args: { jobId: t.arg.id({ required: true }) },
    subscribe: (_root, args, ctx) => {
      const id = decodeIdArg(args.jobId, 'Job');
      return jobEvents(ctx.databaseUrl, (e) => e.jobId === id);
    },
    resolve: (event: JobEvent) => event,
  }),
);

builder.subscriptionField('jobsForStudy', (t) =>
  t.field({
    type: JobEventType,
    authScopes: { scope: 'read:jobs' },
    args: { studyId: t.arg.id({ required: true }) },
    subscribe: (_root, args, ctx) => {
      const id = decodeIdArg(args.studyId, 'Study');
      return jobEvents(ctx.databaseUrl, (e) => e.studyId === id);
    },
    resolve: (event: JobEvent) => event,
  }),
);
