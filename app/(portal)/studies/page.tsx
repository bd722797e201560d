import type { Metadata } from 'next';
import { PageHeader } from '../../_components/page-header';
import { SdtmStudyList } from '../../_components/sdtm-study-list';

export const metadata: Metadata = { title: 'Studies' };

export default function StudiesPage() {
  return (
    <>
      <PageHeader
        title="Studies"
        description="Open a study's SDTM workspace to review, edit and check its domains."
      />
      <SdtmStudyList />
    </>
  );
}
