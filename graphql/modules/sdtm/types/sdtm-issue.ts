/** Conformance issues of a study's SDTM records, each with its path and, for row-level issues, its record. */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../../../builder.ts';
import type { WorkspaceIssue } from '../../../../lib/sdtm/workspace/check-study-records.ts';

export const SdtmIssue = builder.objectRef<WorkspaceIssue>('SdtmIssue').implement({
  description: 'One conformance problem: `DOMAIN`, `DOMAIN.VAR` or `DOMAIN.VAR[row]` (1-based rows).',
  fields: (t) => ({
    path: t.exposeString('path'),
    ruleId: t.exposeString('ruleId', { description: 'CORE-000021, or SDTM-… for built-in checks' }),
    severity: t.exposeString('severity', { description: 'error or warning' }),
    message: t.exposeString('message'),
    dataset: t.exposeString('dataset'),
    variable: t.exposeString('variable', { nullable: true }),
    row: t.exposeInt('row', { nullable: true }),
    value: t.string({
      nullable: true,
      resolve: (i) => (i.value === undefined || i.value === null ? null : String(i.value)),
    }),
    recordId: t.id({
      nullable: true,
      description: 'Global id of the SdtmRecord of a row-level issue',
      resolve: (i) => (i.recordId ? encodeGlobalID('SdtmRecord', i.recordId) : null),
    }),
  }),
});

export const SdtmIssueReport = builder
  .objectRef<{ totalCount: number; issues: WorkspaceIssue[] }>('SdtmIssueReport')
  .implement({
    fields: (t) => ({
      totalCount: t.exposeInt('totalCount', {
        description: 'All issues found; `issues` holds the first `limit`',
      }),
      issues: t.field({ type: [SdtmIssue], resolve: (r) => r.issues }),
    }),
  });
