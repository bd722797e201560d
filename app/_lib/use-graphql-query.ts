'use client';
/**
 * Runs a GraphQL query from a client component and re-runs it when the variables change. The previous data stays
 * on screen while the next request is in flight (tables do not flash), and a late answer to an older request is
 * dropped.
 */
import { useCallback, useEffect, useState } from 'react';
import { gql } from './graphql-client';

export interface QueryState<T> {
  data: T | null;
  /** JSON of the variables `data` answers (it may be older than the current variables while loading). */
  dataKey: string | null;
  error: unknown;
  loading: boolean;
  refetch: () => void;
}

/** Pass `variables = null` to skip the query. */
export function useGraphQLQuery<T>(
  query: string,
  variables: Record<string, unknown> | null = {},
): QueryState<T> {
  const [result, setResult] = useState<{ data: T; key: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(variables !== null);
  const [generation, setGeneration] = useState(0);
  const key = variables === null ? null : JSON.stringify(variables);

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    setLoading(true);
    gql<T>(query, JSON.parse(key) as Record<string, unknown>, { signal: controller.signal }).then(
      (data) => {
        setResult({ data, key });
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [query, key, generation]);

  const refetch = useCallback(() => setGeneration((g) => g + 1), []);
  return { data: result?.data ?? null, dataKey: result?.key ?? null, error, loading, refetch };
}
