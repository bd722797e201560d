/**
 * A physician's decision on machine proposals: accept, reject, or edit (values, code, assertion) — which also
 * accepts. Each decision records the reviewer and the time and is audited with before and after, in one
 * transaction for a whole batch.
 */
import { z } from 'zod';
import type { Assertion } from '../../generated/prisma/enums.ts';
import type { Actor } from '../auth/actor.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Db } from '../db/client.ts';

export const findingEdits = z
  .object({
    label: z.string().trim().min(1).max(200),
    value: z.string().trim().max(200).nullable(),
    unit: z.string().trim().max(40).nullable(),
    code: z
      .string()
      .trim()
      .max(20)
      .regex(/^[A-Z0-9.]*$/i, 'letters, digits and dots only')
      .nullable(),
    assertion: z.enum(['PRESENT', 'NEGATED', 'POSSIBLE', 'HISTORICAL', 'FAMILY', 'HYPOTHETICAL']),
    note: z.string().max(1000).nullable(),
  })
  .partial();

export type FindingEdits = z.infer<typeof findingEdits>;
export type ReviewDecision = 'ACCEPT' | 'REJECT' | 'EDIT';

export class ReviewNotFoundError extends Error {}

const AUDITED = [
  'status',
  'label',
  'value',
  'valueNum',
  'unit',
  'code',
  'assertion',
  'reviewedById',
  'reviewNote',
] as const;

export async function reviewFindings(
  db: Db,
  actor: Actor,
  o: { ids: string[]; decision: ReviewDecision; edits?: FindingEdits; requestId?: string },
) {
  const edits = findingEdits.parse(o.edits ?? {});
  if (o.decision === 'EDIT' && o.ids.length !== 1)
    throw new z.ZodError([
      { code: 'custom', path: ['ids'], message: 'edit one finding at a time', input: o.ids },
    ]);
  return db.$transaction(async (tx) => {
    const before = await tx.finding.findMany({ where: { id: { in: o.ids } } });
    if (before.length !== new Set(o.ids).size) throw new ReviewNotFoundError('Some findings do not exist');
    const now = new Date();
    const updated = [];
    for (const f of before) {
      const data =
        o.decision === 'EDIT'
          ? {
              status: 'EDITED' as const,
              ...(edits.label !== undefined ? { label: edits.label } : {}),
              ...(edits.value !== undefined
                ? {
                    value: edits.value,
                    valueNum:
                      edits.value !== null && /^-?\d+(\.\d+)?$/.test(edits.value)
                        ? Number(edits.value)
                        : null,
                  }
                : {}),
              ...(edits.unit !== undefined ? { unit: edits.unit } : {}),
              ...(edits.code !== undefined ? { code: edits.code } : {}),
              ...(edits.assertion !== undefined ? { assertion: edits.assertion as Assertion } : {}),
            }
          : { status: o.decision === 'ACCEPT' ? ('ACCEPTED' as const) : ('REJECTED' as const) };
      const after = await tx.finding.update({
        where: { id: f.id },
        data: {
          ...data,
          reviewedById: actor.userId,
          reviewedAt: now,
          reviewNote: edits.note ?? f.reviewNote,
        },
      });
      updated.push(after);
      await recordAuditEvent(tx, {
        actor,
        action: `finding.${o.decision.toLowerCase()}`,
        entityType: 'Finding',
        entityIds: [f.id],
        patientIds: [f.patientId],
        requestId: o.requestId,
        before: Object.fromEntries(AUDITED.map((k) => [k, f[k]])),
        after: Object.fromEntries(AUDITED.map((k) => [k, after[k]])),
      });
    }
    return updated;
  });
}
