'use client';
/**
 * The records of one domain as a spreadsheet: @tanstack/react-table for the model, @tanstack/react-virtual so
 * only the rows in view are in the DOM (100,000 rows scroll like 100). One cell is active at a time (roving
 * tabindex): arrows, Home/End, PageUp/PageDown move it; Enter, F2 or a double-click edits it.
 */
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import type { SdtmRow } from '../_lib/sdtm-api';
import { cellValue, displayValue, isEditable, type SdtmColumn } from '../_lib/sdtm-columns';
import { SdtmGridRow } from './sdtm-grid-row';

const ROW_HEIGHT = 30;

export interface ActiveCell {
  row: number;
  column: string;
}

function columnWidth(column: SdtmColumn, sample: readonly SdtmRow[], domain: string): number {
  let longest = column.name.length + 4;
  for (const row of sample)
    longest = Math.max(longest, displayValue(cellValue(row, column.name, domain)).length);
  return Math.round(Math.min(320, Math.max(72, longest * 8 + 22)));
}

export function SdtmGrid({
  domain,
  rows,
  totalCount,
  columns,
  active,
  onActive,
  onEdit,
  canEdit,
  editing,
  issueCells,
  onRemoveColumn,
  removableColumns,
}: {
  domain: string;
  rows: SdtmRow[];
  /** All records of the domain, loaded or not: the scrollbar has its final size from the first page on. */
  totalCount: number;
  columns: SdtmColumn[];
  active: ActiveCell | null;
  onActive: (cell: ActiveCell) => void;
  onEdit: (cell: ActiveCell, element: HTMLElement | null) => void;
  canEdit: boolean;
  editing: boolean;
  /** Conformance messages of cells: row index → variable → message. */
  issueCells: ReadonlyMap<number, ReadonlyMap<string, string>>;
  onRemoveColumn: (name: string) => void;
  removableColumns: ReadonlySet<string>;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const hasRows = rows.length > 0;
  // Widths from the first rows, fixed afterwards, so columns do not jump while scrolling.
  const widths = useMemo(
    () => columns.map((c) => columnWidth(c, rows.slice(0, 200), domain)),
    // Measured once per column set and first page (hasRows), not on every batch.
    [columns, domain, hasRows],
  );

  const columnDefs = useMemo<ColumnDef<SdtmRow>[]>(
    () =>
      columns.map((c) => ({
        id: c.name,
        header: c.name,
        accessorFn: (row: SdtmRow) => cellValue(row, c.name, domain),
        cell: (info) => displayValue(info.getValue() as string | number | null),
      })),
    [columns, domain],
  );

  const virtualizer = useVirtualizer({
    count: Math.max(rows.length, totalCount),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const first = items.length ? items[0].index : 0;
  const end = items.length ? items[items.length - 1].index + 1 : 0;
  const paddingTop = items.length ? items[0].start : 0;
  const paddingBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;

  // The table model holds only the rows in view: react-table builds a row object (with its methods) per data
  // row, which for 100,000 records would cost hundreds of megabytes and a rebuild on every loaded page.
  const windowRows = useMemo(() => rows.slice(first, end), [rows, first, end]);
  const table = useReactTable({
    data: windowRows,
    columns: columnDefs,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
  });
  const tableRows = table.getRowModel().rows;

  // Keep the active cell in view and focused (it may have been out of the DOM).
  const activeKey = active ? `${active.row}:${active.column}` : null;
  useEffect(() => {
    if (!active || editing) return;
    virtualizer.scrollToIndex(active.row, { align: 'auto' });
    const frame = requestAnimationFrame(() => {
      const cell = scrollRef.current?.querySelector<HTMLElement>(
        `[data-row="${active.row}"][data-col="${active.column}"]`,
      );
      if (!cell) return;
      const focus = document.activeElement;
      if (focus !== cell && (focus === document.body || scrollRef.current?.contains(focus))) {
        cell.focus({ preventScroll: true });
      }
      cell.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    });
    return () => cancelAnimationFrame(frame);
    // Follows the active cell (and the end of an edit) only.
  }, [activeKey, editing]);

  const firstColumn = columns[0]?.name ?? null;

  const cellOf = (target: EventTarget): { cell: ActiveCell; element: HTMLElement } | null => {
    const element = (target as HTMLElement).closest<HTMLElement>('td[role="gridcell"]');
    if (!element?.dataset.col || element.dataset.row === undefined) return null;
    return { cell: { row: Number(element.dataset.row), column: element.dataset.col }, element };
  };
  function onBodyClick(event: MouseEvent<HTMLTableSectionElement>) {
    const hit = cellOf(event.target);
    if (hit) onActive(hit.cell);
  }
  function onBodyDoubleClick(event: MouseEvent<HTMLTableSectionElement>) {
    const hit = cellOf(event.target);
    if (!hit) return;
    onActive(hit.cell);
    const column = columns.find((c) => c.name === hit.cell.column);
    if (canEdit && column && isEditable(column)) onEdit(hit.cell, hit.element);
  }

  const visibleRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / ROW_HEIGHT) - 2);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (editing || !active || !rows.length) return;
    const target = event.target as HTMLElement;
    if (!target.matches('[role="gridcell"]')) return;
    const col = columns.findIndex((c) => c.name === active.column);
    const last = rows.length - 1;
    const move = (row: number, c: number) => {
      event.preventDefault();
      onActive({
        row: Math.max(0, Math.min(last, row)),
        column: columns[Math.max(0, Math.min(columns.length - 1, c))].name,
      });
    };
    switch (event.key) {
      case 'ArrowDown':
        return move(active.row + 1, col);
      case 'ArrowUp':
        return move(active.row - 1, col);
      case 'ArrowRight':
        return move(active.row, col + 1);
      case 'ArrowLeft':
        return move(active.row, col - 1);
      case 'PageDown':
        return move(active.row + visibleRows, col);
      case 'PageUp':
        return move(active.row - visibleRows, col);
      case 'Home':
        return event.ctrlKey ? move(0, col) : move(active.row, 0);
      case 'End':
        return event.ctrlKey ? move(last, col) : move(active.row, columns.length - 1);
      case 'Enter':
      case 'F2': {
        event.preventDefault();
        const column = columns[col];
        if (canEdit && column && isEditable(column)) onEdit(active, target);
        return;
      }
    }
  }

  return (
    <div
      ref={scrollRef}
      className="sdtm-grid-scroll"
      onKeyDown={onKeyDown}
      data-testid="sdtm-grid"
      data-rows={rows.length}
    >
      <table
        className="sdtm-grid"
        role="grid"
        aria-label={`${domain} records`}
        aria-rowcount={Math.max(rows.length, totalCount) + 1}
        aria-colcount={columns.length + 1}
        aria-readonly={!canEdit}
      >
        <colgroup>
          <col style={{ width: 64 }} />
          {widths.map((w, i) => (
            <col key={columns[i]?.name ?? i} style={{ width: w }} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              <th scope="col" className="num">
                <span className="visually-hidden">Row</span>#
              </th>
              {group.headers.map((header, i) => {
                const column = columns[i];
                return (
                  <th key={header.id} scope="col" title={column.label || 'Not in SDTMIG for this domain'}>
                    <span className="mono">
                      {flexRender(header.column.columnDef.header, header.getContext())}
                    </span>
                    {column.core && (
                      <span className={`core-badge core-${column.core.toLowerCase()}`}>{column.core}</span>
                    )}
                    {removableColumns.has(column.name) && (
                      <button
                        type="button"
                        className="column-remove"
                        aria-label={`Hide empty column ${column.name}`}
                        onClick={() => onRemoveColumn(column.name)}
                      >
                        ×
                      </button>
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody onClick={onBodyClick} onDoubleClick={onBodyDoubleClick}>
          {paddingTop > 0 && (
            <tr aria-hidden="true" className="spacer" style={{ height: paddingTop }}>
              <td colSpan={columns.length + 1} />
            </tr>
          )}
          {items.map((item) => {
            const row = tableRows[item.index - first];
            if (!row) {
              return (
                <tr key={`loading-${item.index}`} aria-rowindex={item.index + 2} className="is-loading-row">
                  <td className="num row-number">{item.index + 1}</td>
                  <td colSpan={columns.length}>Loading…</td>
                </tr>
              );
            }
            const rowActive = active?.row === item.index;
            const tabbable = active
              ? rowActive
                ? active.column
                : null
              : item.index === 0
                ? firstColumn
                : null;
            return (
              <SdtmGridRow
                key={row.id}
                row={row}
                columns={columnDefs}
                index={item.index}
                activeColumn={rowActive ? active.column : null}
                tabbableColumn={tabbable}
                issues={issueCells.get(item.index)}
              />
            );
          })}
          {paddingBottom > 0 && (
            <tr aria-hidden="true" className="spacer" style={{ height: paddingBottom }}>
              <td colSpan={columns.length + 1} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
