'use client';
/**
 * Background jobs with live progress. The list comes from the `jobs` query; one `jobsForStudy` subscription per
 * followed study (graphql-sse) then updates rows in place — status, progress, message, error — and adds jobs that
 * start while the page is open. Whenever a stream (re)connects, the list is reloaded to catch up on anything
 * missed; a live event newer than the list's request wins over it, so a slow reload never turns a bar back.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { gql } from '../_lib/graphql-client';
import {
  MAX_LIVE_STUDIES,
  useStudyJobStreams,
  type JobEventMessage,
  type JobStatus,
} from '../_lib/job-stream';
import { useStudies } from '../_lib/use-studies';
import { ErrorMessage } from './error-message';
import { ImportFhirForm } from './import-fhir-form';
import { JobsTable, type JobRow } from './jobs-table';
import { LiveIndicator } from './live-indicator';
import { useHasScope } from './viewer-context';

const JOBS = `
  query Jobs($studyId: ID, $status: JobStatus) {
    jobs(first: 100, studyId: $studyId, status: $status) {
      totalCount
      edges { node { id type status progress message error attempts maxAttempts createdAt startedAt finishedAt study { id studyId } } }
    }
  }`;

type JobNode = Omit<JobRow, 'studyId' | 'studyCode'> & { study: { id: string; studyId: string } | null };

interface Snapshot {
  rows: JobRow[];
  /** When the request for these rows left the browser: events received after it are newer. */
  sentAt: number;
}

/** A job as the stream last described it, and when. */
type LiveJob = JobRow & { receivedAt: number };

const STATUSES: JobStatus[] = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'];
const TERMINAL = new Set<JobStatus>(['SUCCEEDED', 'FAILED']);

export function JobsBoard() {
  const canImport = useHasScope('write:patients');
  const { studies, error: studiesError } = useStudies();
  const [studyFilter, setStudyFilter] = useState('');
  const [statusFilter, setStatusFilter] = useState('');
  const [importStudy, setImportStudy] = useState('');
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [live, setLive] = useState<Map<string, LiveJob>>(new Map());
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads((n) => n + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    const sentAt = Date.now();
    gql<{ jobs: { edges: { node: JobNode }[] } }>(
      JOBS,
      { studyId: studyFilter || null, status: statusFilter || null },
      { signal: controller.signal },
    ).then(
      (data) => {
        const rows = data.jobs.edges.map(({ node: { study, ...rest } }) => ({
          ...rest,
          studyId: study?.id ?? null,
          studyCode: study?.studyId ?? null,
        }));
        setSnapshot({ rows, sentAt });
        setLoadError(null);
      },
      (e: unknown) => {
        if (!controller.signal.aborted) setLoadError(e);
      },
    );
    return () => controller.abort();
  }, [studyFilter, statusFilter, reloads]);

  const rows = useMemo(() => {
    const byId = new Map<string, JobRow>();
    for (const row of snapshot?.rows ?? []) byId.set(row.id, row);
    for (const [id, job] of live) {
      const base = byId.get(id);
      if (base) {
        if (job.receivedAt >= (snapshot?.sentAt ?? 0)) byId.set(id, merge(base, job));
      } else if (
        (!studyFilter || job.studyId === studyFilter) &&
        (!statusFilter || job.status === statusFilter)
      ) {
        byId.set(id, job);
      }
    }
    return [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }, [snapshot, live, studyFilter, statusFilter]);

  const studyCode = useCallback((id: string) => studies.find((s) => s.id === id)?.studyId ?? null, [studies]);

  const onEvent = useCallback(
    (e: JobEventMessage, studyId: string) =>
      setLive((prev) => {
        const base = prev.get(e.jobId) ?? newRow(e.jobId, studyId, studyCode(studyId));
        // Events carry no timestamps: the moment one arrives is close enough for display.
        const now = new Date().toISOString();
        return new Map(prev).set(e.jobId, {
          ...base,
          type: e.type,
          status: e.status,
          progress: e.progress,
          message: e.message,
          error: e.error,
          startedAt: base.startedAt ?? (e.status === 'QUEUED' ? null : now),
          finishedAt: TERMINAL.has(e.status) ? (base.finishedAt ?? now) : null,
          receivedAt: Date.now(),
        });
      }),
    [studyCode],
  );

  // Which studies to follow: the filtered one, else the import target and the studies with the latest jobs.
  const rowStudies = rows.map((r) => r.studyId ?? '').join(',');
  const followed = useMemo(() => {
    if (studyFilter) return [studyFilter];
    const ids: string[] = [];
    const add = (id: string | null | undefined) => {
      if (id && !ids.includes(id)) ids.push(id);
    };
    add(canImport ? importStudy || studies[0]?.id : null);
    for (const id of rowStudies.split(',')) add(id);
    for (const s of studies) add(s.id);
    return ids.slice(0, MAX_LIVE_STUDIES);
  }, [studyFilter, importStudy, studies, canImport, rowStudies]);
  const stream = useStudyJobStreams(followed, onEvent, reload);

  return (
    <>
      {canImport && (
        <ImportFhirForm
          studies={studies}
          studyId={importStudy || studies[0]?.id || ''}
          onStudyChange={setImportStudy}
          onQueued={(jobId, studyId) => {
            // The worker may have reported before this answer arrived: keep whatever the stream already said.
            setLive((prev) =>
              prev.has(jobId)
                ? prev
                : new Map(prev).set(jobId, {
                    ...newRow(jobId, studyId, studyCode(studyId)),
                    receivedAt: Date.now(),
                  }),
            );
          }}
        />
      )}
      <section className="card" aria-labelledby="jobs-title">
        <div className="page-header" style={{ marginBottom: '0.75rem' }}>
          <h2 id="jobs-title" style={{ margin: 0 }}>
            Jobs
          </h2>
          <LiveIndicator
            state={stream.state}
            detail={stream.detail}
            studies={followed.map((id) => studyCode(id) ?? '…')}
          />
        </div>
        <div className="table-toolbar" role="search" aria-label="Filter jobs">
          <div className="field">
            <label htmlFor="jobs-study">Study</label>
            <select id="jobs-study" value={studyFilter} onChange={(e) => setStudyFilter(e.target.value)}>
              <option value="">All studies</option>
              {studies.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.studyId} — {s.title}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="jobs-status">Status</label>
            <select id="jobs-status" value={statusFilter} onChange={(e) => setStatusFilter(e.target.value)}>
              <option value="">Any status</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s.charAt(0) + s.slice(1).toLowerCase()}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="btn btn-secondary" onClick={reload}>
            Reload
          </button>
        </div>
        <ErrorMessage error={loadError ?? studiesError} title="Jobs could not be loaded" />
        {!snapshot && !loadError ? <p className="loading">Loading jobs…</p> : <JobsTable rows={rows} />}
      </section>
    </>
  );
}

/** A listed job with what the stream said since; the server's timestamps win over the ones noted on arrival. */
function merge(base: JobRow, job: LiveJob): JobRow {
  return {
    ...base,
    status: job.status,
    progress: job.progress,
    message: job.message,
    error: job.error,
    startedAt: base.startedAt ?? job.startedAt,
    finishedAt: TERMINAL.has(job.status) ? (base.finishedAt ?? job.finishedAt) : null,
  };
}

function newRow(id: string, studyId: string, studyCode: string | null): JobRow {
  return {
    id,
    type: 'fhir.import-patients',
    status: 'QUEUED',
    progress: 0,
    message: null,
    error: null,
    attempts: 0,
    maxAttempts: 0,
    createdAt: new Date().toISOString(),
    startedAt: null,
    finishedAt: null,
    studyId,
    studyCode,
  };
}
