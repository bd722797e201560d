/** Roles as the API names them, with the labels the portal shows. Safe for client components. */
export const ROLES = ['ADMIN', 'PHYSICIAN', 'COORDINATOR', 'ANNOTATOR', 'VIEWER'] as const;

export type RoleName = (typeof ROLES)[number];

export const ROLE_LABELS: Record<RoleName, string> = {
  ADMIN: 'Admin',
  PHYSICIAN: 'Physician',
  COORDINATOR: 'Coordinator',
  ANNOTATOR: 'Annotator',
  VIEWER: 'Viewer',
};

export function isRoleName(value: unknown): value is RoleName {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The signed-in user as the portal shell knows it (from the session, checked on the server). */
export interface PortalUser {
  id: string;
  email: string;
  name: string;
  role: RoleName;
  scopes: string[];
}
