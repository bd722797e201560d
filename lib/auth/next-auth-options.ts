/** NextAuth: email + password against hashed passwords, JWT sessions, failed logins audited. */
import type { AuthOptions } from 'next-auth';
import C from 'next-auth/providers/credentials';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { appServices } from '../server/app-context.ts';
import { scopesForRole } from './scopes.ts';
import { verifyPassword } from './passwords.ts';
import { sessionSecret } from './secret.ts';

// next-auth v4 is CommonJS: under plain Node ESM the default import is the module object (STACK.md E7).
const CredentialsProvider = ((C as unknown as { default?: typeof C }).default ?? C) as typeof C;

export function authOptions(): AuthOptions {
  return {
    secret: sessionSecret(),
    session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
    pages: { signIn: '/login' },
    providers: [
      CredentialsProvider({
        name: 'imagEHR',
        credentials: {
          email: { label: 'Email', type: 'email' },
          password: { label: 'Password', type: 'password' },
        },
        async authorize(credentials) {
          const { db } = appServices();
          const email = String(credentials?.email ?? '')
            .trim()
            .toLowerCase()
            .slice(0, 200);
          const password = String(credentials?.password ?? '').slice(0, 200);
          const user = email ? await db.user.findUnique({ where: { email } }) : null;
          const ok = !!user && user.active && (await verifyPassword(password, user.passwordHash));
          await recordAuditEvent(db, {
            actor: ok
              ? {
                  userId: user.id,
                  email: user.email,
                  role: user.role,
                  tokenId: null,
                  scopes: scopesForRole(user.role),
                }
              : null,
            action: 'auth.login',
            outcome: ok ? 'SUCCESS' : 'DENIED',
            entityType: 'User',
            entityIds: user ? [user.id] : [],
            detail: ok
              ? undefined
              : { reason: user ? (user.active ? 'bad password' : 'inactive') : 'unknown email' },
          });
          return ok ? { id: user.id, email: user.email, name: user.name } : null;
        },
      }),
    ],
    callbacks: {
      jwt: ({ token, user }) => (user ? { ...token, sub: user.id } : token),
      session: async ({ session, token }) => {
        const user = token.sub ? await appServices().db.user.findUnique({ where: { id: token.sub } }) : null;
        return {
          ...session,
          user: user ? { id: user.id, email: user.email, name: user.name, role: user.role } : undefined,
        };
      },
    },
  };
}
