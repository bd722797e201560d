/** Creates a user (admins, the CLI and the demo seed), audited in the same transaction. */
import { z } from 'zod';
import type { Role } from '../../generated/prisma/enums.ts';
import type { Actor } from '../auth/actor.ts';
import { MIN_PASSWORD_LENGTH, hashPassword } from '../auth/passwords.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Db } from '../db/client.ts';

export const createUserInput = z.object({
  email: z.string().trim().toLowerCase().email().max(200),
  name: z.string().trim().min(1).max(120),
  role: z.enum(['ADMIN', 'PHYSICIAN', 'COORDINATOR', 'ANNOTATOR', 'VIEWER']),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(200),
});

export type CreateUserInput = z.input<typeof createUserInput>;

export class UserExistsError extends Error {}

export async function createUser(db: Db, actor: Actor | null, input: CreateUserInput, requestId?: string) {
  const data = createUserInput.parse(input);
  const passwordHash = await hashPassword(data.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: data.email } }))
      throw new UserExistsError('A user with that email exists');
    const user = await tx.user.create({
      data: { email: data.email, name: data.name, role: data.role as Role, passwordHash },
    });
    await recordAuditEvent(tx, {
      actor,
      action: 'user.create',
      entityType: 'User',
      entityIds: [user.id],
      requestId,
      after: { email: user.email, role: user.role, active: user.active },
    });
    return user;
  });
}
