'use client';
/** One patient: header and tabs, from a single GraphQL query. The selected tab is kept in the URL (?tab=). */
import Link from 'next/link';
import { useState } from 'react';
import { unwrapResult, type UnionResult } from '../_lib/graphql-client';
import { PATIENT_PAGE_QUERY, type PatientRecord } from '../_lib/patient-record';
import { useGraphQLQuery } from '../_lib/use-graphql-query';
import { DocumentsTab } from './documents-tab';
import { EncountersTab } from './encounters-tab';
import { LoadFailure } from './error-message';
import { FindingsTab } from './findings-tab';
import { ImagesTab } from './images-tab';
import { PatientHeader } from './patient-header';
import { SdtmTab } from './sdtm-tab';
import { Tabs, type TabItem } from './tabs';

function tabItems(p: PatientRecord): TabItem[] {
  const sdtmCount = p.subjects.reduce((n, s) => n + s.sdtmRecords.totalCount, 0);
  return [
    {
      id: 'documents',
      label: 'Documents',
      count: p.documents.totalCount,
      content: (
        <DocumentsTab
          patientId={p.id}
          documents={p.documents.edges.map((e) => e.node)}
          total={p.documents.totalCount}
        />
      ),
    },
    {
      id: 'images',
      label: 'Images',
      count: p.imagingStudies.length,
      content: <ImagesTab studies={p.imagingStudies} />,
    },
    {
      id: 'findings',
      label: 'Findings',
      count: p.findings.totalCount,
      content: <FindingsTab findings={p.findings.edges.map((e) => e.node)} total={p.findings.totalCount} />,
    },
    { id: 'sdtm', label: 'SDTM', count: sdtmCount, content: <SdtmTab subjects={p.subjects} /> },
    {
      id: 'encounters',
      label: 'Encounters',
      count: p.encounters.length,
      content: <EncountersTab encounters={p.encounters} />,
    },
  ];
}

export function PatientDetail({ id, initialTab }: { id: string; initialTab: string | null }) {
  const { data, error, loading } = useGraphQLQuery<{ patient: UnionResult<PatientRecord> }>(
    PATIENT_PAGE_QUERY,
    { id },
  );
  const [tab, setTab] = useState<string | null>(initialTab);

  let patient: PatientRecord | null = null;
  let failure: unknown = error;
  if (data) {
    try {
      patient = unwrapResult(data.patient);
    } catch (e) {
      failure = e;
    }
  }

  const back = (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <Link href="/patients">← Patients</Link>
    </nav>
  );

  if (failure) {
    return (
      <>
        {back}
        <LoadFailure error={failure} entity="patient" />
      </>
    );
  }
  if (loading || !patient) {
    return (
      <>
        {back}
        <p className="loading">Loading patient…</p>
      </>
    );
  }

  const items = tabItems(patient);
  const selected = tab ?? items.find((t) => t.count)?.id ?? 'documents';
  const select = (next: string) => {
    setTab(next);
    const url = new URL(window.location.href);
    url.searchParams.set('tab', next);
    window.history.replaceState(window.history.state, '', url);
  };

  return (
    <>
      {back}
      <PatientHeader patient={patient} />
      <section className="card" aria-label="Patient record">
        <Tabs items={items} selected={selected} onSelect={select} label="Patient record" />
      </section>
    </>
  );
}
