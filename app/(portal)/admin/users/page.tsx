import type { Metadata } from 'next';
import { PageHeader } from '../../../_components/page-header';
import { UsersAdmin } from '../../../_components/users-admin';

export const metadata: Metadata = { title: 'Users' };

export default function UsersPage() {
  return (
    <>
      <PageHeader
        title="Users"
        description="Accounts, roles and access. Changes take effect on the user's next request."
      />
      <UsersAdmin />
    </>
  );
}
