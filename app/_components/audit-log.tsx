'use client';
import { useState } from 'react';
import { auditCsvHref, auditFilterInput, type AuditFilters } from '../_lib/audit-filters';
import {
  FIRST_PAGE,
  pageOffset,
  pageVariables,
  type PageInfo,
  type PageRequest,
} from '../_lib/cursor-paging';
import { formatDateTime } from '../_lib/format';
import { useDebouncedValue } from '../_lib/use-debounced-value';
import { useGraphQLQuery } from '../_lib/use-graphql-query';
import { AuditFilterBar } from './audit-filter-bar';
import { EmptyState } from './empty-state';
import { ErrorMessage } from './error-message';
import { StatusBadge } from './status-badge';
import { TablePager } from './table-pager';

const PAGE_SIZE = 50;

const AUDIT = `
  query Audit($first: Int, $after: String, $last: Int, $before: String, $filter: AuditFilter) {
    auditEvents(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node { id at actorLabel action outcome entityType entityIds patientIds requestId detail } }
    }
  }`;

interface AuditEventRow {
  id: string;
  at: string;
  actorLabel: string;
  action: string;
  outcome: 'SUCCESS' | 'DENIED' | 'ERROR';
  entityType: string | null;
  entityIds: string[];
  patientIds: string[];
  requestId: string | null;
  detail: unknown;
}

interface AuditData {
  auditEvents: { totalCount: number; pageInfo: PageInfo; edges: { node: AuditEventRow }[] };
}

function summary(detail: unknown): string {
  if (detail === null || detail === undefined) return '';
  const text = JSON.stringify(detail);
  return text.length > 140 ? `${text.slice(0, 140)}…` : text;
}

/** "Patient ×25" for many ids (all of them in the tooltip), the id itself for one. */
function Entities({ e }: { e: AuditEventRow }) {
  if (!e.entityType && !e.entityIds.length) return <>—</>;
  const ids = e.entityIds;
  return (
    <span title={ids.join('\n') || undefined}>
      {e.entityType}
      {ids.length === 1 && <div className="muted">{ids[0]}</div>}
      {ids.length > 1 && <span className="muted"> ×{ids.length}</span>}
    </span>
  );
}

export function AuditLog() {
  const [filters, setFilters] = useState<AuditFilters>({ action: '', outcome: '', from: '', to: '' });
  const action = useDebouncedValue(filters.action, 300);
  const effective = { ...filters, action };
  const filterKey = JSON.stringify(effective);
  const [page, setPage] = useState<{ key: string; request: PageRequest }>({
    key: filterKey,
    request: FIRST_PAGE,
  });
  const request = page.key === filterKey ? page.request : FIRST_PAGE;
  const { data, error, loading } = useGraphQLQuery<AuditData>(AUDIT, {
    ...pageVariables(request, PAGE_SIZE),
    filter: auditFilterInput(effective),
  });
  const rows = data?.auditEvents.edges.map((e) => e.node) ?? [];

  return (
    <section className="card" aria-label="Audit events">
      <AuditFilterBar value={filters} onChange={setFilters} csvHref={auditCsvHref(effective)} />
      <ErrorMessage error={error} title="The audit log could not be loaded" />
      {loading && !data && <p className="loading">Loading audit events…</p>}
      {data && (
        <>
          <div className={`table-wrap${loading ? ' is-stale' : ''}`} aria-busy={loading}>
            <table className="data-table" data-testid="audit-table">
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Actor</th>
                  <th scope="col">Action</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Entity</th>
                  <th scope="col">Detail</th>
                  <th scope="col">Request</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((e) => (
                  <tr key={e.id}>
                    <td className="nowrap">{formatDateTime(e.at)}</td>
                    <td>{e.actorLabel}</td>
                    <td className="mono">{e.action}</td>
                    <td>
                      <StatusBadge status={e.outcome} />
                    </td>
                    <td className="mono" style={{ fontSize: '0.8rem' }}>
                      <Entities e={e} />
                    </td>
                    <td
                      className="mono"
                      style={{ fontSize: '0.8rem', maxWidth: '24rem', overflowWrap: 'anywhere' }}
                    >
                      {summary(e.detail) || '—'}
                    </td>
                    <td
                      className="mono muted"
                      style={{ fontSize: '0.8rem' }}
                      title={e.requestId ?? undefined}
                    >
                      {e.requestId ? e.requestId.slice(0, 8) : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {!rows.length && (
              <EmptyState title="No audit events match these filters">
                Widen the date range or clear the filters.
              </EmptyState>
            )}
          </div>
          <TablePager
            state={{
              offset: pageOffset(request, rows.length, data.auditEvents.totalCount),
              rows: rows.length,
              totalCount: data.auditEvents.totalCount,
              pageInfo: data.auditEvents.pageInfo,
            }}
            noun="events"
            disabled={loading}
            onPage={(r) => setPage({ key: filterKey, request: r })}
          />
        </>
      )}
    </section>
  );
}
