'use client';
/**
 * Live job events over Server-Sent Events (graphql-sse, distinct connections mode: one stream per study, so any
 * web server behind a load balancer can serve it). Each stream is a `jobsForStudy` subscription; the server fans
 * out the workers' Postgres NOTIFY events to it.
 */
import { createClient } from 'graphql-sse';
import { useEffect, useRef, useState } from 'react';

export type JobStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';

export interface JobEventMessage {
  jobId: string;
  type: string;
  status: JobStatus;
  progress: number;
  message: string | null;
  error: string | null;
}

export type StreamState = 'connecting' | 'live' | 'error';

const JOBS_FOR_STUDY = `subscription JobsForStudy($studyId: ID!) {
  jobsForStudy(studyId: $studyId) { jobId type status progress message error }
}`;

/**
 * Browsers allow about six HTTP/1.1 connections per host and each stream holds one, so the portal follows a
 * few studies at a time and leaves the rest of the pool for ordinary requests.
 */
export const MAX_LIVE_STUDIES = 4;

interface StreamHandlers {
  onEvent: (event: JobEventMessage, studyId: string) => void;
  onConnected: (studyId: string) => void;
  onConnecting: (studyId: string) => void;
  onError: (studyId: string, message: string) => void;
}

/** One study's stream; retried with backoff when it breaks. Returns the function that closes it. */
export function followStudyJobs(studyId: string, handlers: StreamHandlers): () => void {
  const client = createClient({
    url: '/api/graphql/stream',
    credentials: 'same-origin',
    retryAttempts: 20,
    retry: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(1000 * 2 ** retries, 15_000))),
    on: {
      connecting: () => handlers.onConnecting(studyId),
      connected: () => handlers.onConnected(studyId),
    },
  });
  const dispose = client.subscribe<{ jobsForStudy: JobEventMessage }>(
    { query: JOBS_FOR_STUDY, variables: { studyId } },
    {
      next: (result) => {
        if (result.data?.jobsForStudy) handlers.onEvent(result.data.jobsForStudy, studyId);
        else if (result.errors?.length)
          handlers.onError(studyId, result.errors.map((e) => e.message).join('; '));
      },
      error: (e) => handlers.onError(studyId, e instanceof Error ? e.message : 'The live connection failed'),
      complete: () => {},
    },
  );
  return () => {
    dispose();
    client.dispose();
  };
}

/**
 * Keeps one stream open per study in `studyIds` (opening and closing only what changes). `onConnected` runs each
 * time a stream is (re)established, so the caller can reload what it may have missed.
 */
export function useStudyJobStreams(
  studyIds: string[],
  onEvent: (event: JobEventMessage, studyId: string) => void,
  onConnected: () => void,
): { state: StreamState; detail?: string } {
  const handlers = useRef({ onEvent, onConnected });
  useEffect(() => {
    handlers.current = { onEvent, onConnected };
  }, [onEvent, onConnected]);
  const streams = useRef(new Map<string, () => void>());
  const [status, setStatus] = useState(new Map<string, { state: StreamState; detail?: string }>());
  const key = studyIds.slice(0, MAX_LIVE_STUDIES).join(',');

  useEffect(() => {
    const wanted = new Set(key ? key.split(',') : []);
    const setOne = (id: string, s: { state: StreamState; detail?: string }) =>
      setStatus((prev) => (wanted.has(id) ? new Map(prev).set(id, s) : prev));
    for (const [id, close] of streams.current) {
      if (!wanted.has(id)) {
        close();
        streams.current.delete(id);
      }
    }
    setStatus((prev) => new Map([...prev].filter(([id]) => wanted.has(id))));
    for (const id of wanted) {
      if (streams.current.has(id)) continue;
      streams.current.set(
        id,
        followStudyJobs(id, {
          onEvent: (e, studyId) => handlers.current.onEvent(e, studyId),
          onConnecting: (studyId) => setOne(studyId, { state: 'connecting' }),
          onConnected: (studyId) => {
            setOne(studyId, { state: 'live' });
            handlers.current.onConnected();
          },
          onError: (studyId, detail) => setOne(studyId, { state: 'error', detail }),
        }),
      );
    }
  }, [key]);

  useEffect(() => {
    const open = streams.current;
    return () => {
      for (const close of open.values()) close();
      open.clear();
    };
  }, []);

  const states = [...status.values()];
  const failed = states.find((s) => s.state === 'error');
  if (failed) return failed;
  if (key && states.length === key.split(',').length && states.every((s) => s.state === 'live'))
    return { state: 'live' };
  return { state: 'connecting' };
}
