/**
 * Server-only: the signed-in user for server components (layouts), read from the NextAuth session. The scopes
 * are the role's scopes, as the API grants them (lib/auth/scopes.ts), so the shell can hide what the user may not
 * do; the API still enforces every permission itself.
 */
import { getServerSession } from 'next-auth';
import { authOptions } from '@/lib/auth/next-auth-options';
import { ROLE_SCOPES } from '@/lib/auth/scopes';
import { isRoleName, type PortalUser } from './roles';

export async function getPortalUser(): Promise<PortalUser | null> {
  const session = await getServerSession(authOptions());
  const user = session?.user as { id?: unknown; email?: unknown; name?: unknown; role?: unknown } | undefined;
  if (!user || typeof user.id !== 'string' || !isRoleName(user.role)) return null;
  const email = typeof user.email === 'string' ? user.email : '';
  return {
    id: user.id,
    email,
    name: typeof user.name === 'string' && user.name ? user.name : email,
    role: user.role,
    scopes: [...ROLE_SCOPES[user.role]],
  };
}
