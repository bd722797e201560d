/** Who is acting: a signed-in user or an API token (on behalf of its owner), with the scopes in force. */
import type { Role } from '../../generated/prisma/enums.ts';
import type { Scope } from './scopes.ts';

export interface Actor {
  userId: string;
  email: string;
  role: Role;
  /** Set when the request came with an API token. */
  tokenId: string | null;
  scopes: ReadonlySet<Scope>;
}

export function actorLabel(actor: Actor | null): string {
  if (!actor) return 'anonymous';
  return actor.tokenId ? `token:${actor.tokenId} (${actor.email})` : actor.email;
}

export function hasScope(actor: Actor | null, scope: Scope): boolean {
  return actor?.scopes.has(scope) ?? false;
}
