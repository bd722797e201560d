import type { ReactNode } from 'react';
import { getPortalUser } from '../../_lib/portal-session';

/** Admin pages are for admins; the API refuses everyone else anyway, this just says so plainly. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await getPortalUser();
  if (user?.role !== 'ADMIN') {
    return (
      <div className="card" role="alert">
        <h1>Not permitted</h1>
        <p className="muted">Administration is available to admins only.</p>
      </div>
    );
  }
  return children;
}
