import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { PageHeader } from '../../_components/page-header';
import { ReviewQueue } from '../../_components/review-queue';
import { getPortalUser } from '../../_lib/portal-session';

export const metadata: Metadata = { title: 'Review queue' };

export default async function ReviewPage() {
  const user = await getPortalUser();
  // The API refuses the queue to roles that do not review; the page sends them home instead of showing an error.
  if (!user?.scopes.includes('write:findings')) redirect('/patients');
  return (
    <>
      <PageHeader
        title="Review queue"
        description="Documents whose machine findings wait for a physician's decision. Open one to review it."
      />
      <ReviewQueue />
    </>
  );
}
