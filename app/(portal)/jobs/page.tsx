import type { Metadata } from 'next';
import { JobsBoard } from '../../_components/jobs-board';
import { PageHeader } from '../../_components/page-header';

export const metadata: Metadata = { title: 'Jobs' };

export default function JobsPage() {
  return (
    <>
      <PageHeader
        title="Jobs"
        description="Imports and processing run in the background; progress updates live."
      />
      <JobsBoard />
    </>
  );
}
