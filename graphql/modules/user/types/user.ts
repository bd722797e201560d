import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../../../builder.ts';
import { Role } from '../../../../generated/prisma/enums.ts';

export const RoleEnum = builder.enumType(Role, { name: 'Role' });

builder.prismaNode('User', {
  id: { field: 'id' },
  fields: (t) => ({
    email: t.exposeString('email'),
    name: t.exposeString('name'),
    role: t.expose('role', { type: RoleEnum }),
    active: t.exposeBoolean('active'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

/** The signed-in actor: who, which role, and the scopes in force for this request. */
export interface ViewerShape {
  userId: string;
  email: string;
  role: Role;
  viaToken: boolean;
  scopes: string[];
}

export const Viewer = builder.objectRef<ViewerShape>('Viewer').implement({
  fields: (t) => ({
    userId: t.id({ resolve: (v) => encodeGlobalID('User', v.userId) }),
    email: t.exposeString('email'),
    role: t.field({ type: RoleEnum, resolve: (v) => v.role }),
    viaToken: t.exposeBoolean('viaToken'),
    scopes: t.exposeStringList('scopes'),
  }),
});
