'use client';
import { createColumnHelper } from '@tanstack/react-table';
import Link from 'next/link';
import { formatDate, formatSex } from '../_lib/format';
import type { PatientSortField } from '../_lib/patient-filters';

export interface PatientRow {
  id: string;
  displayName: string;
  pseudonym: string;
  identifiersVisible: boolean;
  mrn: string | null;
  sex: string;
  birthDate: string | null;
  findingCount: number;
  documentCount: number;
  createdAt: string;
  subjects: { id: string; usubjid: string; study: { studyId: string } }[];
}

/** Columns right-aligned as numbers. */
export const NUMERIC_COLUMNS = new Set(['findingCount', 'documentCount']);

/** Column id → the API's sort field. Columns not listed here do not sort. */
export const SORTABLE_COLUMNS: Record<string, PatientSortField> = {
  name: 'NAME',
  mrn: 'MRN',
  findingCount: 'FINDING_COUNT',
  createdAt: 'CREATED_AT',
};

const Hidden = () => <span className="hidden-value">hidden</span>;

const col = createColumnHelper<PatientRow>();

export const patientColumns = [
  col.accessor('displayName', {
    id: 'name',
    header: 'Name / pseudonym',
    sortDescFirst: false,
    cell: ({ row }) => {
      const p = row.original;
      return (
        <>
          <Link href={`/patients/${encodeURIComponent(p.id)}`} onClick={(e) => e.stopPropagation()}>
            <span className={p.identifiersVisible ? undefined : 'mono'}>{p.displayName}</span>
          </Link>
          {p.identifiersVisible && (
            <div className="muted mono" style={{ fontSize: '0.78rem' }}>
              {p.pseudonym}
            </div>
          )}
        </>
      );
    },
  }),
  col.accessor('mrn', {
    id: 'mrn',
    header: 'MRN',
    sortDescFirst: false,
    cell: ({ row }) =>
      row.original.identifiersVisible ? <span className="mono">{row.original.mrn ?? '—'}</span> : <Hidden />,
  }),
  col.accessor('sex', {
    id: 'sex',
    header: 'Sex',
    enableSorting: false,
    cell: ({ getValue }) => formatSex(getValue()),
  }),
  col.accessor('birthDate', {
    id: 'birthDate',
    header: 'Birth date',
    enableSorting: false,
    cell: ({ row }) =>
      row.original.identifiersVisible ? (
        <span className="nowrap">{formatDate(row.original.birthDate)}</span>
      ) : (
        <Hidden />
      ),
  }),
  col.accessor('subjects', {
    id: 'subjects',
    header: 'Study subject IDs',
    enableSorting: false,
    cell: ({ getValue }) => {
      const subjects = getValue();
      if (!subjects.length) return <span className="muted">—</span>;
      return (
        <span className="tag-list">
          {subjects.map((s) => (
            <span key={s.id} className="badge mono" title={`Study ${s.study.studyId}`}>
              {s.usubjid}
            </span>
          ))}
        </span>
      );
    },
  }),
  col.accessor('findingCount', { id: 'findingCount', header: 'Findings', sortDescFirst: true }),
  col.accessor('documentCount', { id: 'documentCount', header: 'Documents', enableSorting: false }),
  col.accessor('createdAt', {
    id: 'createdAt',
    header: 'Added',
    sortDescFirst: true,
    cell: ({ getValue }) => <span className="nowrap">{formatDate(getValue())}</span>,
  }),
];
