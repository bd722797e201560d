'use client';
import {
  hasNext,
  hasPrevious,
  nextRequest,
  previousRequest,
  FIRST_PAGE,
  type PageRequest,
  type PagerState,
} from '../_lib/cursor-paging';

/** "26–50 of 140" with First / Previous / Next / Last and, optionally, the page size. */
export function TablePager({
  state,
  noun,
  onPage,
  pageSize,
  pageSizes,
  onPageSize,
  disabled,
}: {
  state: PagerState;
  noun: string;
  onPage: (request: PageRequest) => void;
  pageSize?: number;
  pageSizes?: number[];
  onPageSize?: (size: number) => void;
  disabled?: boolean;
}) {
  const from = state.totalCount === 0 ? 0 : state.offset + 1;
  const to = state.offset + state.rows;
  const prev = !disabled && hasPrevious(state);
  const next = !disabled && hasNext(state);
  return (
    <div className="table-status">
      <p className="muted" aria-live="polite" style={{ margin: 0 }}>
        {state.totalCount === 0 ? (
          `No ${noun}`
        ) : (
          <>
            Showing <strong>{from}</strong>–<strong>{to}</strong> of{' '}
            <strong data-testid="total-count">{state.totalCount}</strong> {noun}
          </>
        )}
      </p>
      <div className="pager">
        {pageSizes && onPageSize && (
          <div className="field">
            <label htmlFor="page-size">Rows per page</label>
            <select id="page-size" value={pageSize} onChange={(e) => onPageSize(Number(e.target.value))}>
              {pageSizes.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
        )}
        <nav aria-label={`${noun} pages`} className="pager">
          <button
            type="button"
            className="btn btn-secondary btn-sm"
            disabled={!prev}
            onClick={() => onPage(FIRST_PAGE)}
          >
            First
          </button>
          <button
            type="button"
            className="btn btn-secondary btn-sm"
            disabled={!prev}
            onClick={() => onPage(previousRequest(state))}
          >
            Previous
          </button>
          <button
            type="button"
            className="btn btn-secondary btn-sm"
            disabled={!next}
            onClick={() => onPage(nextRequest(state))}
          >
            Next
          </button>
          <button
            type="button"
            className="btn btn-secondary btn-sm"
            disabled={!next}
            onClick={() => onPage({ kind: 'last' })}
          >
            Last
          </button>
        </nav>
      </div>
    </div>
  );
}
