import { z } from 'zod';
import { builder } from '../../../builder.ts';
import { auditedRead } from '../../../../lib/audit/audited-read.ts';
import { checkStudyRecords } from '../../../../lib/sdtm/workspace/check-study-records.ts';
import { decodeIdArg } from '../../global/ids.ts';
import { SdtmIssueReport } from '../types/sdtm-issue.ts';

builder.queryField('sdtmIssues', (t) =>
  t.field({
    type: SdtmIssueReport,
    description: "Conformance issues (CDISC CORE rules and built-in checks) of a study's SDTM records.",
    authScopes: { scope: 'read:sdtm' },
    complexity: { field: 5, multiplier: 1 },
    args: {
      studyId: t.arg.id({ required: true }),
      limit: t.arg.int({ defaultValue: 1000, validate: z.number().int().min(1).max(5000) }),
    },
    resolve: async (_root, args, ctx) => {
      const studyId = decodeIdArg(args.studyId, 'Study') ?? '';
      const issues = await auditedRead({
        db: ctx.db,
        actor: ctx.actor,
        requestId: ctx.requestId,
        action: 'sdtm.check',
        entityType: 'Study',
        read: (tx) => checkStudyRecords(tx, studyId),
        reveals: () => ({ entityIds: [studyId], patientIds: [] }),
      });
      return { totalCount: issues.length, issues: issues.slice(0, args.limit ?? 1000) };
    },
  }),
);
