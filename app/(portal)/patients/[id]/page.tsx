import type { Metadata } from 'next';
import { PatientDetail } from '../../../_components/patient-detail';
import { PATIENT_TABS } from '../../../_lib/patient-record';

// The title stays generic: a patient's name must not end up in browser history or tab titles.
export const metadata: Metadata = { title: 'Patient' };

export default async function PatientPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const { tab } = await searchParams;
  const initialTab =
    typeof tab === 'string' && (PATIENT_TABS as readonly string[]).includes(tab) ? tab : null;
  return <PatientDetail id={decodeURIComponent(id)} initialTab={initialTab} />;
}
