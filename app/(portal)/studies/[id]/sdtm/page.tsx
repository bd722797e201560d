import type { Metadata } from 'next';
import { SdtmWorkspace } from '../../../../_components/sdtm-workspace';
import { DOMAIN_PATTERN } from '../../../../_lib/sdtm-columns';

export const metadata: Metadata = { title: 'SDTM workspace' };

export default async function StudySdtmPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const { domain } = await searchParams;
  const initial =
    typeof domain === 'string' && DOMAIN_PATTERN.test(domain.toUpperCase()) ? domain.toUpperCase() : null;
  return <SdtmWorkspace studyId={decodeURIComponent(id)} initialDomain={initial} />;
}
