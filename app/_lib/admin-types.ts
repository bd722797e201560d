import type { RoleName } from './roles';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: RoleName;
  active: boolean;
  createdAt: string;
}

export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  owner: { id: string; email: string; name: string; role: RoleName };
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

export const USER_FIELDS = 'id email name role active createdAt';
