/**
 * Who sent a request: an API token (`Authorization: Bearer ihr_…`) or a NextAuth session cookie (JWT).
 * The user row is re-read on every request, so deactivation or a role change takes effect at once.
 * A bad bearer token is a failure (never silently anonymous) and is audited as DENIED.
 */
import { decode } from 'next-auth/jwt';
import type { Role } from '../../generated/prisma/enums.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from './actor.ts';
import { authenticateApiToken, type TokenCheck } from './api-tokens.ts';
import { scopesForRole } from './scopes.ts';
import { sessionSecret } from './secret.ts';

export type RequestAuth = { ok: true; actor: Actor | null } | { ok: false; status: 401; message: string };

const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  // NextAuth splits large JWTs into name.0, name.1, ...
  const parts = new Map<string, string>();
  for (const piece of header.split(';')) {
    const i = piece.indexOf('=');
    if (i > 0) parts.set(piece.slice(0, i).trim(), decodeURIComponent(piece.slice(i + 1).trim()));
  }
  if (parts.has(name)) return parts.get(name)!;
  const chunks: string[] = [];
  for (let n = 0; parts.has(`${name}.${n}`); n++) chunks.push(parts.get(`${name}.${n}`)!);
  return chunks.length ? chunks.join('') : null;
}

export async function authenticateRequest(db: Db, headers: Headers, requestId: string): Promise<RequestAuth> {
  const authorization = headers.get('authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const check: TokenCheck = match
      ? await authenticateApiToken(db, match[1])
      : { ok: false, reason: 'malformed' };
    if (check.ok) return { ok: true, actor: check.actor };
    await recordAuditEvent(db, {
      actor: null,
      action: 'auth.token',
      outcome: 'DENIED',
      entityType: 'ApiToken',
      entityIds: check.tokenId ? [check.tokenId] : [],
      requestId,
      detail: { reason: check.reason },
    });
    return { ok: false, status: 401, message: 'Invalid, expired or revoked API token' };
  }
  for (const name of SESSION_COOKIES) {
    const raw = readCookie(headers.get('cookie'), name);
    if (!raw) continue;
    const token = await decode({ token: raw, secret: sessionSecret() }).catch(() => null);
    if (!token?.sub) continue;
    const user = await db.user.findUnique({ where: { id: token.sub } });
    if (!user || !user.active) return { ok: true, actor: null };
    return {
      ok: true,
      actor: {
        userId: user.id,
        email: user.email,
        role: user.role as Role,
        tokenId: null,
        scopes: scopesForRole(user.role),
      },
    };
  }
  return { ok: true, actor: null };
}
