import Link from 'next/link';
import type { ReactNode } from 'react';
import { ROLE_LABELS, type PortalUser } from '../_lib/roles';
import { MainNav } from './main-nav';
import { SignOutButton } from './sign-out-button';
import { ViewerProvider } from './viewer-context';

/** The signed-in frame: navigation by role on the left, the user and sign-out at its foot, the page on the right. */
export function AppShell({ user, children }: { user: PortalUser; children: ReactNode }) {
  return (
    <ViewerProvider user={user}>
      <div className="shell">
        <aside className="sidebar">
          <div className="sidebar-inner">
            <Link href="/patients" className="brand">
              <span className="brand-mark" aria-hidden="true">
                iE
              </span>
              imagEHR
            </Link>
            <MainNav isAdmin={user.role === 'ADMIN'} />
            <div className="user-box">
              <span className="user-name">{user.name}</span>
              <span className="user-email">{user.email}</span>
              <span className="badge role-badge" data-testid="user-role">
                {ROLE_LABELS[user.role]}
              </span>
              <SignOutButton />
            </div>
          </div>
        </aside>
        <main id="main" className="main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </ViewerProvider>
  );
}
