'use client';
/**
 * The patients list: @tanstack/react-table for the table model, with paging, sorting and filtering done by the
 * server through the GraphQL `patients` connection (cursor paging, totalCount). Filters live in the URL; the page
 * position is remembered for the session so "back" from a patient returns to the same rows.
 */
import { flexRender, getCoreRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  FIRST_PAGE,
  pageOffset,
  pageVariables,
  type PageInfo,
  type PageRequest,
} from '../_lib/cursor-paging';
import {
  PAGE_SIZES,
  patientFiltersQuery,
  type PatientFilters,
  type PatientSortField,
} from '../_lib/patient-filters';
import { useDebouncedValue } from '../_lib/use-debounced-value';
import { useGraphQLQuery } from '../_lib/use-graphql-query';
import { useStudies } from '../_lib/use-studies';
import { EmptyState } from './empty-state';
import { ErrorMessage } from './error-message';
import { NUMERIC_COLUMNS, patientColumns, SORTABLE_COLUMNS, type PatientRow } from './patient-columns';
import { PatientFilterBar } from './patient-filter-bar';
import { TablePager } from './table-pager';
import { useHasScope } from './viewer-context';

const PATIENTS = `
  query Patients($first: Int, $after: String, $last: Int, $before: String, $search: String, $sex: String, $studyId: ID, $sort: PatientSort) {
    patients(first: $first, after: $after, last: $last, before: $before, search: $search, sex: $sex, studyId: $studyId, sort: $sort) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        node {
          id displayName pseudonym identifiersVisible mrn sex birthDate findingCount documentCount createdAt
          subjects { id usubjid study { studyId } }
        }
      }
    }
  }`;

interface PatientsData {
  patients: { totalCount: number; pageInfo: PageInfo; edges: { node: PatientRow }[] };
}

const POSITION_KEY = 'imagehr.patients.position';

function savedPosition(filtersKey: string): PageRequest {
  try {
    const saved = JSON.parse(sessionStorage.getItem(POSITION_KEY) ?? 'null') as {
      key: string;
      request: PageRequest;
    } | null;
    return saved?.key === filtersKey ? saved.request : FIRST_PAGE;
  } catch {
    return FIRST_PAGE;
  }
}

const columnForSort = (field: PatientSortField) =>
  Object.keys(SORTABLE_COLUMNS).find((k) => SORTABLE_COLUMNS[k] === field) ?? 'name';

export function PatientTable({ initial }: { initial: PatientFilters }) {
  const router = useRouter();
  const phi = useHasScope('read:phi');
  const { studies } = useStudies();
  const [searchInput, setSearchInput] = useState(initial.search);
  const search = useDebouncedValue(searchInput.trim(), 300);
  const [sex, setSex] = useState(initial.sex);
  const [studyId, setStudyId] = useState(initial.studyId);
  const [size, setSize] = useState(initial.size);
  const [sorting, setSorting] = useState<SortingState>([
    { id: columnForSort(initial.sort), desc: initial.direction === 'DESC' },
  ]);
  const sortField = SORTABLE_COLUMNS[sorting[0]?.id ?? 'name'] ?? 'NAME';
  const direction = sorting[0]?.desc ? 'DESC' : 'ASC';

  const filters: PatientFilters = { search, sex, studyId, sort: sortField, direction, size };
  const filtersKey = patientFiltersQuery(filters);
  const [page, setPage] = useState<{ key: string; request: PageRequest } | null>(null);
  // A change of filters, sort or size starts again at the first page (or the page remembered for them).
  const request = page?.key === filtersKey ? page.request : null;

  useEffect(() => {
    if (page?.key === filtersKey) return;
    setPage({ key: filtersKey, request: page === null ? savedPosition(filtersKey) : FIRST_PAGE });
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${filtersKey}`);
  }, [filtersKey, page]);

  useEffect(() => {
    if (page) sessionStorage.setItem(POSITION_KEY, JSON.stringify(page));
  }, [page]);

  const variables = request
    ? {
        ...pageVariables(request, size),
        search: search || null,
        sex: sex || null,
        studyId: studyId || null,
        sort: { field: sortField, direction },
      }
    : null;
  const { data, dataKey, error, loading } = useGraphQLQuery<PatientsData>(PATIENTS, variables);
  // Which page request the rows on screen answer, to number them ("26–50 of 140").
  const requests = useRef(new Map<string, PageRequest>());
  if (variables && request) requests.current.set(JSON.stringify(variables), request);

  const connection = data?.patients;
  const rows = useMemo(() => connection?.edges.map((e) => e.node) ?? [], [connection]);
  const shownRequest = (dataKey && requests.current.get(dataKey)) || FIRST_PAGE;
  const offset = connection ? pageOffset(shownRequest, rows.length, connection.totalCount) : 0;

  const table = useReactTable({
    data: rows,
    columns: patientColumns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    rowCount: connection?.totalCount ?? 0,
    state: { sorting },
    onSortingChange: setSorting,
  });

  const open = (id: string) => router.push(`/patients/${encodeURIComponent(id)}`);
  const stale = loading && !!connection;

  return (
    <section className="card" aria-label="Patients list">
      <PatientFilterBar
        search={searchInput}
        onSearch={setSearchInput}
        sex={sex}
        onSex={setSex}
        studyId={studyId}
        onStudy={setStudyId}
        studies={studies}
        phi={phi}
      />
      <ErrorMessage error={error} title="Patients could not be loaded" />
      {!connection && !error && <p className="loading">Loading patients…</p>}
      {connection && (
        <>
          <div className={`table-wrap${stale ? ' is-stale' : ''}`} aria-busy={loading}>
            <table className="data-table" data-testid="patients-table">
              <caption id="patients-table-caption" className="visually-hidden">
                Patients, sorted by {sortField.toLowerCase().replace('_', ' ')}{' '}
                {direction === 'ASC' ? 'ascending' : 'descending'}
              </caption>
              <thead>
                {table.getHeaderGroups().map((group) => (
                  <tr key={group.id}>
                    {group.headers.map((header) => {
                      const sorted = header.column.getIsSorted();
                      const label = flexRender(header.column.columnDef.header, header.getContext());
                      return (
                        <th
                          key={header.id}
                          scope="col"
                          className={NUMERIC_COLUMNS.has(header.column.id) ? 'num' : undefined}
                          aria-sort={
                            sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                          }
                        >
                          {header.column.getCanSort() && SORTABLE_COLUMNS[header.column.id] ? (
                            <button
                              type="button"
                              className="sort-button"
                              onClick={header.column.getToggleSortingHandler()}
                            >
                              {label}
                              <span className="sort-indicator" aria-hidden="true">
                                {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                              </span>
                            </button>
                          ) : (
                            label
                          )}
                        </th>
                      );
                    })}
                  </tr>
                ))}
              </thead>
              <tbody>
                {table.getRowModel().rows.map((row) => (
                  <tr key={row.id} className="row-link" onClick={() => open(row.original.id)}>
                    {row.getVisibleCells().map((cell) => (
                      <td key={cell.id} className={NUMERIC_COLUMNS.has(cell.column.id) ? 'num' : undefined}>
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            {rows.length === 0 && (
              <EmptyState
                title={search || sex || studyId ? 'No patients match these filters' : 'No patients yet'}
              >
                {search || sex || studyId
                  ? 'Change the search or the filters above.'
                  : 'Patients appear here once a FHIR bundle is imported on the Jobs page.'}
              </EmptyState>
            )}
          </div>
          <TablePager
            state={{
              offset,
              rows: rows.length,
              totalCount: connection.totalCount,
              pageInfo: connection.pageInfo,
            }}
            noun="patients"
            disabled={loading}
            onPage={(r) => setPage({ key: filtersKey, request: r })}
            pageSize={size}
            pageSizes={PAGE_SIZES}
            onPageSize={setSize}
          />
        </>
      )}
    </section>
  );
}
