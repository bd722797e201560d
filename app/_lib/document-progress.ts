'use client';
/**
 * Live processing status of documents: one `jobProgress` subscription (graphql-sse) per document job still
 * running, a few at a time so ordinary requests keep their connections. When a stream connects — and when its
 * job ends — the document's status is read again, so an event sent before the stream opened is never missed.
 */
import { createClient } from 'graphql-sse';
import { useEffect, useRef, useState } from 'react';
import { gql, unwrapResult, ERROR_FIELDS, type UnionResult } from './graphql-client';
import type { JobEventMessage, JobStatus } from './job-stream';

export type DocumentStatus = 'UPLOADED' | 'PROCESSING' | 'READY' | 'FAILED';

export interface DocumentProgress {
  documentStatus: DocumentStatus;
  jobStatus: JobStatus | null;
  progress: number;
  message: string | null;
  error: string | null;
  findingCount: number;
  pendingCount: number;
}

/** Streams open at once (browsers allow about six connections per host). */
const MAX_STREAMS = 3;

const JOB_PROGRESS = `subscription JobProgress($jobId: ID!) {
  jobProgress(jobId: $jobId) { jobId type status progress message error }
}`;

const DOCUMENT_STATUS = `query DocumentStatus($id: ID!) {
  document(id: $id) {
    ${ERROR_FIELDS}
    ... on QueryDocumentSuccess {
      data { id status error findingCount pendingCount processingJob { id status progress message error } }
    }
  }
}`;

interface StatusData {
  id: string;
  status: DocumentStatus;
  error: string | null;
  findingCount: number;
  pendingCount: number;
  processingJob: {
    id: string;
    status: JobStatus;
    progress: number;
    message: string | null;
    error: string | null;
  } | null;
}

const settled = (p: DocumentProgress | undefined) =>
  p?.documentStatus === 'READY' || p?.documentStatus === 'FAILED';

async function readStatus(documentId: string): Promise<{ progress: DocumentProgress; jobId: string | null }> {
  const data = await gql<{ document: UnionResult<StatusData> }>(DOCUMENT_STATUS, { id: documentId });
  const d = unwrapResult(data.document);
  const job = d.processingJob;
  return {
    jobId: job?.id ?? null,
    progress: {
      documentStatus: d.status,
      jobStatus: job?.status ?? null,
      progress: d.status === 'READY' ? 1 : (job?.progress ?? 0),
      message: d.status === 'READY' ? 'ready for review' : (job?.message ?? null),
      error: d.error ?? job?.error ?? null,
      findingCount: d.findingCount,
      pendingCount: d.pendingCount,
    },
  };
}

/** Follows one document until it is READY or FAILED; returns the function that stops following. */
function followDocument(
  documentId: string,
  onProgress: (p: DocumentProgress) => void,
  onError: (message: string) => void,
): () => void {
  let stopped = false;
  let closeStream: (() => void) | null = null;
  let last: DocumentProgress | undefined;
  const emit = (p: DocumentProgress) => {
    if (stopped) return;
    last = p;
    onProgress(p);
    if (settled(p)) stop();
  };
  const refresh = () =>
    readStatus(documentId).then(
      ({ progress }) => emit(progress),
      (e: unknown) => !stopped && onError(e instanceof Error ? e.message : 'Status unavailable'),
    );
  const stop = () => {
    stopped = true;
    closeStream?.();
    closeStream = null;
  };

  void readStatus(documentId).then(
    ({ progress, jobId }) => {
      emit(progress);
      if (stopped || !jobId) return;
      const client = createClient({
        url: '/api/graphql/stream',
        credentials: 'same-origin',
        retryAttempts: 10,
        retry: (n) => new Promise((r) => setTimeout(r, Math.min(1000 * 2 ** n, 15_000))),
        on: { connected: () => void refresh() },
      });
      const dispose = client.subscribe<{ jobProgress: JobEventMessage }>(
        { query: JOB_PROGRESS, variables: { jobId } },
        {
          next: ({ data }) => {
            const e = data?.jobProgress;
            if (!e || stopped) return;
            if (e.status === 'SUCCEEDED' || e.status === 'FAILED') {
              void refresh();
              return;
            }
            emit({
              ...(last ?? { findingCount: 0, pendingCount: 0, error: null }),
              documentStatus: e.status === 'RUNNING' ? 'PROCESSING' : 'UPLOADED',
              jobStatus: e.status,
              progress: e.progress,
              message: e.message,
              error: e.error,
            });
          },
          error: (e) => onError(e instanceof Error ? e.message : 'The live connection failed'),
          complete: () => {},
        },
      );
      closeStream = () => {
        dispose();
        client.dispose();
      };
    },
    (e: unknown) => onError(e instanceof Error ? e.message : 'Status unavailable'),
  );
  return stop;
}

/**
 * The live status of each document in `documentIds` (global ids), until it is ready or failed. Documents beyond
 * the stream limit wait their turn (their status is read when they get one).
 */
export function useDocumentProgress(documentIds: string[]): {
  progress: Map<string, DocumentProgress>;
  errors: Map<string, string>;
} {
  const [progress, setProgress] = useState(new Map<string, DocumentProgress>());
  const [errors, setErrors] = useState(new Map<string, string>());
  const streams = useRef(new Map<string, () => void>());
  const done = useRef(new Set<string>());
  const [tick, setTick] = useState(0);
  const key = documentIds.join(',');

  useEffect(() => {
    const wanted = key ? key.split(',') : [];
    for (const [id, stop] of streams.current) {
      if (!wanted.includes(id) || done.current.has(id)) {
        stop();
        streams.current.delete(id);
      }
    }
    for (const id of wanted) {
      if (streams.current.size >= MAX_STREAMS) break;
      if (streams.current.has(id) || done.current.has(id)) continue;
      streams.current.set(
        id,
        followDocument(
          id,
          (p) => {
            setProgress((prev) => new Map(prev).set(id, p));
            if (settled(p)) {
              done.current.add(id);
              setTick((n) => n + 1);
            }
          },
          (message) => setErrors((prev) => new Map(prev).set(id, message)),
        ),
      );
    }
  }, [key, tick]);

  useEffect(() => {
    const open = streams.current;
    return () => {
      for (const stop of open.values()) stop();
      open.clear();
    };
  }, []);

  return { progress, errors };
}
