import type { Actor } from './actor.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Db } from '../db/client.ts';

export async function revokeApiToken(db: Db, actor: Actor, tokenId: string, requestId?: string) {
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id: tokenId } });
    if (!token) return null;
    const revoked = token.revokedAt
      ? token
      : await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, {
      actor,
      action: 'token.revoke',
      entityType: 'ApiToken',
      entityIds: [tokenId],
      requestId,
      before: { revokedAt: token.revokedAt },
      after: { revokedAt: revoked.revokedAt },
    });
    return revoked;
  });
}
