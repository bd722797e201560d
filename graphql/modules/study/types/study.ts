import { builder } from '../../../builder.ts';

builder.prismaNode('Study', {
  id: { field: 'id' },
  fields: (t) => ({
    studyId: t.exposeString('studyId'),
    title: t.exposeString('title'),
    description: t.exposeString('description', { nullable: true }),
    subjectCount: t.relationCount('subjects'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
