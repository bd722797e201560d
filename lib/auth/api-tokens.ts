/**
 * API tokens for external tools: `Authorization: Bearer ihr_<secret>` on the GraphQL endpoint.
 * Only the sha256 of the secret is stored. A token's scopes are intersected with its owner's role at use time,
 * so demoting a user also narrows their tokens.
 */
import crypto from 'node:crypto';
import type { Db } from '../db/client.ts';
import type { Actor } from './actor.ts';
import { isScope, scopesForRole, type Scope } from './scopes.ts';

const PREFIX = 'ihr_';

export function hashTokenSecret(secret: string): string {
  return crypto.createHash('sha256').update(secret).digest('hex');
}

export class TokenScopeError extends Error {
  constructor(public readonly invalid: string[]) {
    super(`Unknown or not permitted scopes: ${invalid.join(', ')}`);
  }
}

export interface CreateApiTokenOptions {
  db: Pick<Db, 'apiToken' | 'user'>;
  ownerId: string;
  name: string;
  scopes: string[];
  expiresAt?: Date | null;
}

/** Creates a token and returns its secret, which is shown once and never stored. */
export async function createApiToken({ db, ownerId, name, scopes, expiresAt }: CreateApiTokenOptions) {
  const owner = await db.user.findUniqueOrThrow({ where: { id: ownerId } });
  const allowed = scopesForRole(owner.role);
  const invalid = scopes.filter((s) => !isScope(s) || !allowed.has(s));
  if (invalid.length || scopes.length === 0)
    throw new TokenScopeError(invalid.length ? invalid : ['(none given)']);
  const secret = PREFIX + crypto.randomBytes(32).toString('base64url');
  const token = await db.apiToken.create({
    data: {
      name,
      ownerId,
      scopes: [...new Set(scopes)],
      expiresAt: expiresAt ?? null,
      prefix: secret.slice(0, 10),
      hash: hashTokenSecret(secret),
    },
  });
  return { token, secret };
}

export type TokenCheck =
  | { ok: true; actor: Actor }
  | {
      ok: false;
      reason: 'malformed' | 'unknown' | 'revoked' | 'expired' | 'owner-inactive';
      tokenId?: string;
    };

/** Resolves a bearer secret to an actor. Does not throw for bad tokens: the caller audits and refuses. */
export async function authenticateApiToken(
  db: Pick<Db, 'apiToken'>,
  secret: string,
  now = new Date(),
): Promise<TokenCheck> {
  if (!secret.startsWith(PREFIX) || secret.length > 100) return { ok: false, reason: 'malformed' };
  const token = await db.apiToken.findUnique({
    where: { hash: hashTokenSecret(secret) },
    include: { owner: true },
  });
  if (!token) return { ok: false, reason: 'unknown' };
  if (token.revokedAt) return { ok: false, reason: 'revoked', tokenId: token.id };
  if (token.expiresAt && token.expiresAt <= now) return { ok: false, reason: 'expired', tokenId: token.id };
  if (!token.owner.active) return { ok: false, reason: 'owner-inactive', tokenId: token.id };
  const roleScopes = scopesForRole(token.owner.role);
  const scopes = new Set(token.scopes.filter((s): s is Scope => isScope(s) && roleScopes.has(s)));
  // Last use is advisory: at most one write a minute per token.
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  return {
    ok: true,
    actor: {
      userId: token.owner.id,
      email: token.owner.email,
      role: token.owner.role,
      tokenId: token.id,
      scopes,
    },
  };
}
