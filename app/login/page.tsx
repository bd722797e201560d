import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '../_components/login-form';
import { getPortalUser } from '../_lib/portal-session';
import { safeCallbackUrl } from '../_lib/safe-callback-url';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getPortalUser()) redirect(callbackUrl);
  return (
    <main id="main" className="login-page">
      <div className="login-card">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            iE
          </span>
          imagEHR
        </div>
        <h1>Sign in</h1>
        <LoginForm callbackUrl={callbackUrl} />
        <p className="login-footer">Access is logged. Use only the account issued to you.</p>
      </div>
    </main>
  );
}
