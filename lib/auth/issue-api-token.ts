/** Creates an API token and audits it; shared by GraphQL and `imagehr token create`. */
import type { Actor } from './actor.ts';
import { createApiToken } from './api-tokens.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Db } from '../db/client.ts';

export async function issueApiToken(
  db: Db,
  actor: Actor | null,
  input: { ownerId: string; name: string; scopes: string[]; expiresAt?: Date | null },
  requestId?: string,
) {
  return db.$transaction(async (tx) => {
    const created = await createApiToken({ db: tx, ...input });
    await recordAuditEvent(tx, {
      actor,
      action: 'token.create',
      entityType: 'ApiToken',
      entityIds: [created.token.id],
      requestId,
      after: {
        name: created.token.name,
        ownerId: input.ownerId,
        scopes: created.token.scopes,
        expiresAt: created.token.expiresAt,
      },
    });
    return created;
  });
}
