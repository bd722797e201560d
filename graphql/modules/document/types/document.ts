import { builder } from '../../../builder.ts';
import { DocumentStatus } from '../../../../generated/prisma/enums.ts';

export const DocumentStatusEnum = builder.enumType(DocumentStatus, { name: 'DocumentStatus' });

builder.prismaNode('Document', {
  id: { field: 'id' },
  fields: (t) => ({
    title: t.exposeString('title'),
    mimeType: t.exposeString('mimeType'),
    sha256: t.exposeString('sha256'),
    byteSize: t.exposeInt('byteSize'),
    status: t.expose('status', { type: DocumentStatusEnum }),
    pageCount: t.exposeInt('pageCount', { nullable: true }),
    error: t.exposeString('error', { nullable: true }),
    findingCount: t.relationCount('findings'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
