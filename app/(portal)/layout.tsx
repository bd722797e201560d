import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { AppShell } from '../_components/app-shell';
import { getPortalUser } from '../_lib/portal-session';

/** Everything behind sign-in. The API checks every request again; this only keeps strangers out of the pages. */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await getPortalUser();
  if (!user) redirect('/login');
  return <AppShell user={user}>{children}</AppShell>;
}
