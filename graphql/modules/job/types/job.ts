import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../../../builder.ts';
import { JobStatus } from '../../../../generated/prisma/enums.ts';
import type { JobEvent } from '../../../../lib/jobs/job-events.ts';

export const JobStatusEnum = builder.enumType(JobStatus, { name: 'JobStatus' });

builder.prismaNode('Job', {
  id: { field: 'id' },
  fields: (t) => ({
    type: t.exposeString('type'),
    status: t.expose('status', { type: JobStatusEnum }),
    progress: t.exposeFloat('progress'),
    message: t.exposeString('message', { nullable: true }),
    error: t.exposeString('error', { nullable: true }),
    attempts: t.exposeInt('attempts'),
    maxAttempts: t.exposeInt('maxAttempts'),
    subjectRef: t.exposeString('subjectRef', { nullable: true }),
    study: t.relation('study', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
  }),
});

/** A live change to a job, as pushed to subscribers. */
export const JobEventType = builder.objectRef<JobEvent>('JobEvent').implement({
  fields: (t) => ({
    jobId: t.id({ resolve: (e) => encodeGlobalID('Job', e.jobId) }),
    type: t.exposeString('type'),
    status: t.field({ type: JobStatusEnum, resolve: (e) => e.status }),
    progress: t.exposeFloat('progress'),
    message: t.exposeString('message', { nullable: true }),
    error: t.exposeString('error', { nullable: true }),
  }),
});
