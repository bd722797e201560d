/** Changes a user's role or active flag (admins only), recording before and after. */
import type { Role } from '../../generated/prisma/enums.ts';
import type { Actor } from '../auth/actor.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Db } from '../db/client.ts';

export class LastAdminError extends Error {}

export async function updateUser(
  db: Db,
  actor: Actor,
  userId: string,
  changes: { role?: Role | null; active?: boolean | null },
  requestId?: string,
) {
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId } });
    if (!before) return null;
    const demotesAdmin =
      before.role === 'ADMIN' && ((changes.role && changes.role !== 'ADMIN') || changes.active === false);
    if (demotesAdmin && (await tx.user.count({ where: { role: 'ADMIN', active: true } })) <= 1) {
      throw new LastAdminError('The last active admin cannot be demoted or deactivated');
    }
    const after = await tx.user.update({
      where: { id: userId },
      data: {
        ...(changes.role ? { role: changes.role } : {}),
        ...(changes.active !== null && changes.active !== undefined ? { active: changes.active } : {}),
      },
    });
    await recordAuditEvent(tx, {
      actor,
      action: 'user.update',
      entityType: 'User',
      entityIds: [userId],
      requestId,
      before: { role: before.role, active: before.active },
      after: { role: after.role, active: after.active },
    });
    return after;
  });
}
