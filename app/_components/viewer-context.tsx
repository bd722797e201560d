'use client';
import { createContext, useContext, type ReactNode } from 'react';
import type { PortalUser } from '../_lib/roles';

const ViewerContext = createContext<PortalUser | null>(null);

export function ViewerProvider({ user, children }: { user: PortalUser; children: ReactNode }) {
  return <ViewerContext.Provider value={user}>{children}</ViewerContext.Provider>;
}

/** The signed-in user, for showing or hiding actions. The API enforces the same rules on every request. */
export function useViewer(): PortalUser {
  const user = useContext(ViewerContext);
  if (!user) throw new Error('useViewer outside the signed-in area');
  return user;
}

export function useHasScope(scope: string): boolean {
  return useViewer().scopes.includes(scope);
}
