/**
 * Scopes are the unit of permission. Roles grant sets of scopes; API tokens carry a subset of their owner's.
 * Every GraphQL root field declares the scope it needs (tests/graphql/auth-scopes.test.ts snapshots them).
 */
import type { Role } from '../../generated/prisma/enums.ts';

export const SCOPES = [
  'read:patients',
  /** Direct identifiers: name, MRN, birth date. Without it, patients are pseudonymised. */
  'read:phi',
  'write:patients',
  'read:documents',
  'write:documents',
  'read:findings',
  'write:findings',
  'read:images',
  'write:annotations',
  'read:sdtm',
  'write:sdtm',
  'export:sdtm',
  'read:jobs',
  'read:audit',
  'admin:users',
  'admin:tokens',
] as const;

export type Scope = (typeof SCOPES)[number];

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

const READ_CLINICAL: Scope[] = [
  'read:patients',
  'read:documents',
  'read:findings',
  'read:images',
  'read:jobs',
];

export const ROLE_SCOPES: Record<Role, readonly Scope[]> = {
  ADMIN: SCOPES,
  PHYSICIAN: [
    ...READ_CLINICAL,
    'read:phi',
    'write:documents',
    'write:findings',
    'write:annotations',
    'read:sdtm',
  ],
  COORDINATOR: [
    ...READ_CLINICAL,
    'read:phi',
    'write:patients',
    'write:documents',
    'read:sdtm',
    'write:sdtm',
    'export:sdtm',
  ],
  ANNOTATOR: ['read:patients', 'read:images', 'read:findings', 'write:annotations', 'read:jobs'],
  VIEWER: ['read:patients', 'read:findings', 'read:jobs', 'read:sdtm'],
};

export function scopesForRole(role: Role): Set<Scope> {
  return new Set(ROLE_SCOPES[role]);
}
