'use client';
/**
 * Documents with findings waiting for review, oldest first (the `reviewQueue` query), each with its counts and a
 * link to its review page. "Only my uploads" narrows the queue to what the signed-in physician brought in: the
 * schema has no assignee, so "my queue" means my uploads.
 */
import Link from 'next/link';
import { useState } from 'react';
import {
  FIRST_PAGE,
  pageOffset,
  pageVariables,
  type PageInfo,
  type PageRequest,
} from '../_lib/cursor-paging';
import { formatDateTime } from '../_lib/format';
import { useGraphQLQuery } from '../_lib/use-graphql-query';
import { EmptyState } from './empty-state';
import { ErrorMessage } from './error-message';
import { TablePager } from './table-pager';

const REVIEW_QUEUE = `
  query ReviewQueue($first: Int, $after: String, $last: Int, $before: String, $uploadedByMe: Boolean) {
    reviewQueue(first: $first, after: $after, last: $last, before: $before, uploadedByMe: $uploadedByMe) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        node {
          id title mimeType createdAt findingCount pendingCount
          uploadedBy { name }
          patient { id displayName }
        }
      }
    }
  }`;

interface QueueRow {
  id: string;
  title: string;
  mimeType: string;
  createdAt: string;
  findingCount: number;
  pendingCount: number;
  uploadedBy: { name: string } | null;
  patient: { id: string; displayName: string };
}

interface QueueData {
  reviewQueue: { totalCount: number; pageInfo: PageInfo; edges: { node: QueueRow }[] };
}

const PAGE_SIZE = 25;

function waiting(since: string): string {
  const hours = (Date.now() - new Date(since).getTime()) / 3_600_000;
  if (hours < 1) return 'under an hour';
  if (hours < 48) return `${Math.floor(hours)} h`;
  return `${Math.floor(hours / 24)} days`;
}

export function ReviewQueue() {
  const [mine, setMine] = useState(false);
  const [request, setRequest] = useState<PageRequest>(FIRST_PAGE);
  const { data, error, loading, refetch } = useGraphQLQuery<QueueData>(REVIEW_QUEUE, {
    ...pageVariables(request, PAGE_SIZE),
    uploadedByMe: mine || null,
  });
  const queue = data?.reviewQueue;
  const rows = queue?.edges.map((e) => e.node) ?? [];

  return (
    <section className="card" aria-labelledby="queue-title">
      <div className="table-toolbar">
        <h2 id="queue-title" style={{ margin: 0, flex: 1 }}>
          Waiting for review
        </h2>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={mine}
            onChange={(e) => {
              setMine(e.target.checked);
              setRequest(FIRST_PAGE);
            }}
          />
          Only my uploads
        </label>
        <button type="button" className="btn btn-secondary" onClick={refetch}>
          Reload
        </button>
      </div>
      <ErrorMessage error={error} title="The review queue could not be loaded" />
      {!queue && !error ? (
        <p className="loading">Loading the review queue…</p>
      ) : queue && rows.length === 0 ? (
        <EmptyState title="Nothing waiting">
          {mine
            ? 'No document you uploaded has findings waiting for review.'
            : 'Every extracted finding has been reviewed. New uploads appear here once processed.'}
        </EmptyState>
      ) : (
        queue && (
          <>
            <div className={`table-wrap${loading ? ' is-stale' : ''}`}>
              <table className="data-table" data-testid="review-queue">
                <caption>Oldest first: the longest-waiting document is at the top.</caption>
                <thead>
                  <tr>
                    <th scope="col">Document</th>
                    <th scope="col">Patient</th>
                    <th scope="col" className="num">
                      To review
                    </th>
                    <th scope="col" className="num">
                      Findings
                    </th>
                    <th scope="col">Uploaded</th>
                    <th scope="col">Waiting</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((d) => (
                    <tr key={d.id} data-document-id={d.id}>
                      <td>
                        <Link href={`/documents/${encodeURIComponent(d.id)}`}>{d.title}</Link>
                        <div className="muted mono" style={{ fontSize: '0.8rem' }}>
                          {d.mimeType}
                        </div>
                      </td>
                      <td>
                        <Link href={`/patients/${encodeURIComponent(d.patient.id)}`}>
                          {d.patient.displayName}
                        </Link>
                      </td>
                      <td className="num">
                        <strong>{d.pendingCount}</strong>
                      </td>
                      <td className="num">{d.findingCount}</td>
                      <td className="nowrap">
                        {formatDateTime(d.createdAt)}
                        {d.uploadedBy && <div className="muted">{d.uploadedBy.name}</div>}
                      </td>
                      <td className="nowrap">{waiting(d.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <TablePager
              state={{
                offset: pageOffset(request, rows.length, queue.totalCount),
                rows: rows.length,
                totalCount: queue.totalCount,
                pageInfo: queue.pageInfo,
              }}
              noun="documents"
              onPage={setRequest}
              disabled={loading}
            />
          </>
        )
      )}
    </section>
  );
}
