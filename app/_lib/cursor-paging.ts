/**
 * Cursor paging over a Relay connection, with the position of the first row tracked so the UI can say
 * "26–50 of 140". Forward pages use first/after, backward pages last/before, the last page last alone.
 */

export type PageRequest =
  | { kind: 'first' }
  | { kind: 'after'; cursor: string; anchor: number }
  | { kind: 'before'; cursor: string; anchor: number }
  | { kind: 'last' };

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export const FIRST_PAGE: PageRequest = { kind: 'first' };

export function pageVariables(request: PageRequest, size: number): Record<string, string | number> {
  switch (request.kind) {
    case 'first':
      return { first: size };
    case 'after':
      return { first: size, after: request.cursor };
    case 'before':
      return { last: size, before: request.cursor };
    case 'last':
      return { last: size };
  }
}

/** Index (0-based) of the first row shown, once the page has arrived. */
export function pageOffset(request: PageRequest, rows: number, totalCount: number): number {
  switch (request.kind) {
    case 'first':
      return 0;
    case 'after':
      return request.anchor;
    case 'before':
      return Math.max(0, request.anchor - rows);
    case 'last':
      return Math.max(0, totalCount - rows);
  }
}

export interface PagerState {
  offset: number;
  rows: number;
  totalCount: number;
  pageInfo: PageInfo;
}

export function hasPrevious(s: PagerState): boolean {
  return s.offset > 0 && !!s.pageInfo.startCursor;
}

export function hasNext(s: PagerState): boolean {
  return s.offset + s.rows < s.totalCount && !!s.pageInfo.endCursor;
}

export function nextRequest(s: PagerState): PageRequest {
  return { kind: 'after', cursor: s.pageInfo.endCursor ?? '', anchor: s.offset + s.rows };
}

export function previousRequest(s: PagerState): PageRequest {
  return s.offset <= 0
    ? FIRST_PAGE
    : { kind: 'before', cursor: s.pageInfo.startCursor ?? '', anchor: s.offset };
}
