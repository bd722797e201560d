'use client';
/**
 * One row of the SDTM grid. Memoised: while scrolling, rows that stay in view are not rendered again, and cell
 * clicks are handled once for the whole body (by data-row / data-col), so rows hold no per-cell handlers.
 */
import { flexRender, type ColumnDef, type Row } from '@tanstack/react-table';
import { memo } from 'react';
import type { SdtmRow } from '../_lib/sdtm-api';

interface RowProps {
  row: Row<SdtmRow>;
  /** The column definitions the row's cells come from (a change re-renders the row). */
  columns: ColumnDef<SdtmRow>[];
  index: number;
  /** The active cell's column when it is in this row. */
  activeColumn: string | null;
  /** The column whose cell is in the tab order, when it is in this row. */
  tabbableColumn: string | null;
  /** Conformance messages by variable, for this row. */
  issues: ReadonlyMap<string, string> | undefined;
}

/** The table model is rebuilt for the rows in view as they change; a row re-renders only when its record did. */
function sameRow(a: RowProps, b: RowProps): boolean {
  return (
    a.row.original === b.row.original &&
    a.columns === b.columns &&
    a.index === b.index &&
    a.activeColumn === b.activeColumn &&
    a.tabbableColumn === b.tabbableColumn &&
    a.issues === b.issues
  );
}

export const SdtmGridRow = memo(function SdtmGridRow({
  row,
  index,
  activeColumn,
  tabbableColumn,
  issues,
}: RowProps) {
  return (
    <tr
      aria-rowindex={index + 2}
      data-record={row.original.id}
      className={activeColumn ? 'is-active-row' : undefined}
    >
      <td className="num row-number">{index + 1}</td>
      {row.getVisibleCells().map((cell) => {
        const name = cell.column.id;
        const issue = issues?.get(name);
        return (
          <td
            key={cell.id}
            role="gridcell"
            tabIndex={tabbableColumn === name ? 0 : -1}
            data-row={index}
            data-col={name}
            aria-selected={activeColumn === name}
            aria-invalid={issue ? true : undefined}
            title={issue}
            className={issue ? 'has-issue' : undefined}
          >
            {flexRender(cell.column.columnDef.cell, cell.getContext())}
          </td>
        );
      })}
    </tr>
  );
}, sameRow);
