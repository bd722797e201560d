'use client';
/**
 * A document's findings as a table (@tanstack/react-table): filters by kind, status, assertion and minimum
 * confidence; row selection for batch accept or reject; the selected finding's row is marked and kept in view.
 */
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type RowSelectionState,
} from '@tanstack/react-table';
import { useEffect, useMemo, useRef } from 'react';
import { formatDateTime, formatPercent } from '../_lib/format';
import {
  ASSERTIONS,
  FINDING_STATUSES,
  formatValue,
  humanize,
  type ReviewFinding,
} from '../_lib/document-review';
import { hasFilters, NO_FILTERS, type FindingFilters } from '../_lib/finding-filters';
import { kindClass } from '../_lib/finding-kinds';
import { StatusBadge } from './status-badge';

function columns(onSelect: (id: string) => void): ColumnDef<ReviewFinding>[] {
  return [
    {
      id: 'select',
      header: ({ table }) => (
        <input
          type="checkbox"
          aria-label="Select all shown findings"
          checked={table.getIsAllRowsSelected()}
          ref={(el) => {
            if (el) el.indeterminate = table.getIsSomeRowsSelected();
          }}
          onChange={table.getToggleAllRowsSelectedHandler()}
        />
      ),
      cell: ({ row }) => (
        <input
          type="checkbox"
          aria-label={`Select ${row.original.label}`}
          checked={row.getIsSelected()}
          onChange={row.getToggleSelectedHandler()}
          onClick={(e) => e.stopPropagation()}
        />
      ),
    },
    {
      id: 'label',
      header: 'Finding',
      cell: ({ row }) => (
        <button type="button" className="link-button" onClick={() => onSelect(row.original.id)}>
          {row.original.label}
        </button>
      ),
    },
    { id: 'value', header: 'Value', cell: ({ row }) => formatValue(row.original) },
    {
      id: 'kind',
      header: 'Kind',
      cell: ({ row }) => (
        <span className={`kind-chip ${kindClass(row.original.kind)}`}>{humanize(row.original.kind)}</span>
      ),
    },
    { id: 'assertion', header: 'Assertion', cell: ({ row }) => humanize(row.original.assertion) },
    {
      id: 'confidence',
      header: 'Confidence',
      cell: ({ row }) => formatPercent(row.original.confidence),
    },
    { id: 'status', header: 'Status', cell: ({ row }) => <StatusBadge status={row.original.status} /> },
    {
      id: 'reviewed',
      header: 'Reviewed',
      cell: ({ row }) =>
        row.original.reviewedAt ? (
          <span className="nowrap">
            {row.original.reviewedBy?.name ?? '—'}
            <br />
            <span className="muted">{formatDateTime(row.original.reviewedAt)}</span>
          </span>
        ) : (
          '—'
        ),
    },
    {
      id: 'evidence',
      header: 'Evidence',
      cell: ({ row }) => (row.original.spanText ? <q>{row.original.spanText}</q> : '—'),
    },
  ];
}

export function FindingsReviewTable({
  findings,
  total,
  kinds,
  filters,
  onFilters,
  selectedId,
  onSelect,
  rowSelection,
  onRowSelection,
  canReview,
  busy,
  onBatch,
}: {
  /** The findings that pass the filters, in document order. */
  findings: ReviewFinding[];
  total: number;
  kinds: string[];
  filters: FindingFilters;
  onFilters: (f: FindingFilters) => void;
  selectedId: string | null;
  onSelect: (id: string) => void;
  rowSelection: RowSelectionState;
  onRowSelection: (s: RowSelectionState) => void;
  canReview: boolean;
  busy: boolean;
  onBatch: (decision: 'ACCEPT' | 'REJECT') => void;
}) {
  const cols = useMemo(() => columns(onSelect), [onSelect]);
  const table = useReactTable({
    data: findings,
    columns: cols,
    getRowId: (f) => f.id,
    getCoreRowModel: getCoreRowModel(),
    enableRowSelection: canReview,
    state: { rowSelection, columnVisibility: { select: canReview } },
    onRowSelectionChange: (updater) =>
      onRowSelection(typeof updater === 'function' ? updater(rowSelection) : updater),
  });
  const body = useRef<HTMLTableSectionElement>(null);
  useEffect(() => {
    body.current?.querySelector('tr.is-selected')?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  const chosen = findings.filter((f) => rowSelection[f.id]).length;
  const set = (patch: Partial<FindingFilters>) => onFilters({ ...filters, ...patch });

  return (
    <section className="card" aria-labelledby="findings-title">
      <h2 id="findings-title">Findings</h2>
      <div className="table-toolbar" role="search" aria-label="Filter findings">
        <div className="field">
          <label htmlFor="filter-kind">Kind</label>
          <select id="filter-kind" value={filters.kind} onChange={(e) => set({ kind: e.target.value })}>
            <option value="">All kinds</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {humanize(k)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-status">Status</label>
          <select
            id="filter-status"
            value={filters.status}
            onChange={(e) => set({ status: e.target.value as FindingFilters['status'] })}
          >
            <option value="">Any status</option>
            {FINDING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {humanize(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-assertion">Assertion</label>
          <select
            id="filter-assertion"
            value={filters.assertion}
            onChange={(e) => set({ assertion: e.target.value as FindingFilters['assertion'] })}
          >
            <option value="">Any assertion</option>
            {ASSERTIONS.map((a) => (
              <option key={a} value={a}>
                {humanize(a)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-narrow">
          <label htmlFor="filter-confidence">Min. confidence %</label>
          <input
            id="filter-confidence"
            type="number"
            min={0}
            max={100}
            step={5}
            value={filters.minConfidence}
            onChange={(e) => set({ minConfidence: Math.max(0, Math.min(100, Number(e.target.value) || 0)) })}
          />
        </div>
        {hasFilters(filters) && (
          <button type="button" className="btn btn-secondary" onClick={() => onFilters(NO_FILTERS)}>
            Clear filters
          </button>
        )}
      </div>
      {canReview && (
        <div className="batch-bar" role="group" aria-label="Batch decision">
          <span aria-live="polite">
            {chosen ? `${chosen} selected` : 'Select findings (x or the boxes) to decide several at once'}
          </span>
          <button
            type="button"
            className="btn btn-sm"
            disabled={!chosen || busy}
            onClick={() => onBatch('ACCEPT')}
          >
            Accept selected
          </button>
          <button
            type="button"
            className="btn btn-danger btn-sm"
            disabled={!chosen || busy}
            onClick={() => onBatch('REJECT')}
          >
            Reject selected
          </button>
          {chosen > 0 && (
            <button type="button" className="btn btn-secondary btn-sm" onClick={() => onRowSelection({})}>
              Clear selection
            </button>
          )}
        </div>
      )}
      <div className="table-wrap findings-scroll">
        <table className="data-table" data-testid="findings-table">
          <caption>
            {findings.length === total
              ? `${total} findings`
              : `${findings.length} of ${total} findings shown`}
          </caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((h) => (
                  <th key={h.id} scope="col" className={h.column.id === 'confidence' ? 'num' : undefined}>
                    {flexRender(h.column.columnDef.header, h.getContext())}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody ref={body}>
            {table.getRowModel().rows.map((row) => (
              <tr
                key={row.id}
                data-finding-id={row.id}
                className={`row-link${row.id === selectedId ? ' is-selected' : ''}`}
                aria-current={row.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(row.id)}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={cell.column.id === 'confidence' ? 'num' : undefined}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
            {findings.length === 0 && (
              <tr>
                <td colSpan={cols.length} className="muted">
                  No finding matches these filters.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
