import N from 'next-auth';
import { authOptions } from '@/lib/auth/next-auth-options';

export const dynamic = 'force-dynamic';

const NextAuth = ((N as unknown as { default?: typeof N }).default ?? N) as typeof N;

function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(req as never, ctx as never, authOptions());
}

export { handler as GET, handler as POST };
