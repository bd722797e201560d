'use client';
/**
 * Loads every record of one domain into memory for the virtualised grid: a small first page so rows show at
 * once, then the connection's largest pages one after another until the end. Edits made in the grid are applied
 * to the loaded rows in place of a reload. Changing study or domain aborts the loading in flight.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { gql } from './graphql-client';
import { RECORDS_PAGE, type RecordsPage, type SdtmRow } from './sdtm-api';
import { presentVariables } from './sdtm-columns';

/** First page: enough to fill the screen quickly. */
const FIRST_PAGE = 200;
/**
 * Later pages: the largest page the sdtmRecords connection serves. A page costs about as much as its sort of the
 * whole domain (≈1 s at 100,000 records), so fewer, larger pages load the domain fastest.
 */
const PAGE = 5000;

export interface RecordStream {
  rows: SdtmRow[];
  /** Variable names present in the loaded rows, in order of first appearance. */
  present: string[];
  totalCount: number | null;
  done: boolean;
  error: unknown;
  /** Milliseconds from the start of loading to the first rows and to the last. */
  timing: { firstRowsMs: number | null; allRowsMs: number | null };
  replaceRow(row: SdtmRow): void;
  addRow(row: SdtmRow): void;
  removeRow(id: string): void;
  reload(): void;
}

interface State {
  key: string;
  rows: SdtmRow[];
  present: string[];
  totalCount: number | null;
  done: boolean;
  error: unknown;
  firstRowsMs: number | null;
  allRowsMs: number | null;
}

const empty = (key: string): State => ({
  key,
  rows: [],
  present: [],
  totalCount: null,
  done: false,
  error: null,
  firstRowsMs: null,
  allRowsMs: null,
});

export function useSdtmRecordStream(studyId: string, domain: string): RecordStream {
  const key = `${studyId}\n${domain}`;
  const [generation, setGeneration] = useState(0);
  const [state, setState] = useState<State>(() => empty(key));
  const seen = useRef(new Set<string>());

  useEffect(() => {
    const controller = new AbortController();
    const started = performance.now();
    seen.current = new Set();
    setState(empty(key));
    void (async () => {
      let after: string | null = null;
      let first = true;
      for (;;) {
        let page: RecordsPage['sdtmRecords'];
        try {
          const data: RecordsPage = await gql<RecordsPage>(
            RECORDS_PAGE,
            { studyId, domain, first: first ? FIRST_PAGE : PAGE, after },
            { signal: controller.signal },
          );
          page = data.sdtmRecords;
        } catch (e) {
          if (!controller.signal.aborted) setState((s) => ({ ...s, error: e, done: true }));
          return;
        }
        if (controller.signal.aborted) return;
        const batch = page.edges.map((e) => e.node);
        const elapsed = performance.now() - started;
        const finished = !page.pageInfo.hasNextPage || !page.pageInfo.endCursor;
        setState((s) => ({
          ...s,
          rows: s.rows.concat(batch),
          present: presentVariables(batch, [...s.present], seen.current),
          totalCount: page.totalCount,
          firstRowsMs: s.firstRowsMs ?? elapsed,
          allRowsMs: finished ? elapsed : null,
          done: finished,
        }));
        if (finished) return;
        after = page.pageInfo.endCursor;
        first = false;
      }
    })();
    return () => controller.abort();
  }, [key, studyId, domain, generation]);

  const replaceRow = useCallback((row: SdtmRow) => {
    setState((s) => ({
      ...s,
      rows: s.rows.map((r) => (r.id === row.id ? row : r)),
      present: presentVariables([row], [...s.present], seen.current),
    }));
  }, []);
  const addRow = useCallback((row: SdtmRow) => {
    setState((s) => ({
      ...s,
      rows: [...s.rows, row],
      present: presentVariables([row], [...s.present], seen.current),
      totalCount: (s.totalCount ?? 0) + 1,
    }));
  }, []);
  const removeRow = useCallback((id: string) => {
    setState((s) => ({
      ...s,
      rows: s.rows.filter((r) => r.id !== id),
      totalCount: Math.max(0, (s.totalCount ?? 1) - 1),
    }));
  }, []);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  const current = state.key === key ? state : empty(key);
  return {
    rows: current.rows,
    present: current.present,
    totalCount: current.totalCount,
    done: current.done,
    error: current.error,
    timing: { firstRowsMs: current.firstRowsMs, allRowsMs: current.allRowsMs },
    replaceRow,
    addRow,
    removeRow,
    reload,
  };
}
