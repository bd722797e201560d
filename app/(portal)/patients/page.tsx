import type { Metadata } from 'next';
import { PageHeader } from '../../_components/page-header';
import { PatientTable } from '../../_components/patient-table';
import { parsePatientFilters } from '../../_lib/patient-filters';

export const metadata: Metadata = { title: 'Patients' };

export default async function PatientsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const initial = parsePatientFilters(await searchParams);
  return (
    <>
      <PageHeader
        title="Patients"
        description="Search, sort and open patient records. Every view of patient data is logged."
      />
      <PatientTable initial={initial} />
    </>
  );
}
