import { ZodError } from 'zod';
import { builder } from '../../../builder.ts';
import { reviewFindings, ReviewNotFoundError } from '../../../../lib/findings/review-findings.ts';
import { NotFoundError } from '../../global/errors.ts';
import { STANDARD_ERRORS, fromZod } from '../../global/error-types.ts';
import { decodeIdArg } from '../../global/ids.ts';
import { requireActor } from '../../global/require-actor.ts';
import { AssertionEnum } from '../types/finding-enums.ts';

const ReviewDecisionEnum = builder.enumType('ReviewDecision', {
  values: ['ACCEPT', 'REJECT', 'EDIT'] as const,
});

const FindingEditsInput = builder.inputType('FindingEdits', {
  fields: (t) => ({
    label: t.string(),
    value: t.string(),
    unit: t.string(),
    code: t.string(),
    assertion: t.field({ type: AssertionEnum }),
    note: t.string(),
  }),
});

builder.mutationField('reviewFindings', (t) =>
  t.prismaField({
    type: ['Finding'],
    description: 'Accept, reject or edit findings (edit: one at a time). Records reviewer and time; audited.',
    authScopes: { scope: 'write:findings' },
    // It returns the findings it was given (at most 500, checked below); the result's `data` list already counts
    // as a list, so this field does not multiply again.
    complexity: { field: 1, multiplier: 1 },
    errors: { types: [...STANDARD_ERRORS] },
    args: {
      ids: t.arg.idList({ required: true }),
      decision: t.arg({ type: ReviewDecisionEnum, required: true }),
      edits: t.arg({ type: FindingEditsInput }),
    },
    resolve: async (query, _root, args, ctx) => {
      if (args.ids.length === 0 || args.ids.length > 500) {
        throw fromZod(
          new ZodError([{ code: 'custom', path: ['ids'], message: 'give 1 to 500 ids', input: args.ids }]),
        );
      }
      const ids = args.ids.map((id) => decodeIdArg(id, 'Finding') ?? '__invalid__');
      const edits = Object.fromEntries(Object.entries(args.edits ?? {}).filter(([, v]) => v !== undefined));
      try {
        const reviewed = await reviewFindings(ctx.db, requireActor(ctx), {
          ids,
          decision: args.decision,
          edits,
          requestId: ctx.requestId,
        });
        // Read back with the client's selection (reviewer, document…) in one query, in the order reviewed.
        const rows = await ctx.db.finding.findMany({
          ...query,
          where: { id: { in: reviewed.map((f) => f.id) } },
        });
        const byId = new Map(rows.map((r) => [r.id, r]));
        return reviewed.flatMap((f) => byId.get(f.id) ?? []);
      } catch (e) {
        if (e instanceof ZodError) throw fromZod(e);
        if (e instanceof ReviewNotFoundError) throw new NotFoundError(e.message, 'Finding');
        throw e;
      }
    },
  }),
);
