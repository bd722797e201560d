import type { Metadata } from 'next';
import { PageHeader } from '../../../_components/page-header';
import { TokensAdmin } from '../../../_components/tokens-admin';

export const metadata: Metadata = { title: 'API tokens' };

export default function TokensPage() {
  return (
    <>
      <PageHeader
        title="API tokens"
        description="Scoped, expiring tokens for external tools on the GraphQL API. A token can hold only scopes its owner's role has."
      />
      <TokensAdmin />
    </>
  );
}
