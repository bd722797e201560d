'use client';
/**
 * Upload documents for a patient: drop files on the zone or pick them, several at once. Each file is sent on its
 * own (two at a time) with its upload progress, gets its own answer from the server (queued, already there, or
 * refused with the reason), and then shows its processing live until its findings are ready for review.
 */
import Link from 'next/link';
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { globalId } from '../_lib/graphql-client';
import { useDocumentProgress } from '../_lib/document-progress';
import { uploadErrorText, uploadFile } from '../_lib/upload-file';
import { formatBytes, formatPercent } from '../_lib/format';
import { DocumentStatusLive } from './document-status-live';

const ACCEPT =
  '.txt,.pdf,.png,.jpg,.jpeg,.tif,.tiff,text/plain,application/pdf,image/png,image/jpeg,image/tiff';
const PARALLEL = 2;

interface UploadItem {
  key: string;
  file: File;
  phase: 'waiting' | 'uploading' | 'done' | 'refused' | 'error';
  sent: number;
  documentId: string | null;
  duplicate: boolean;
  error: string | null;
}

let counter = 0;

export function DocumentUpload({
  patientId,
  onProcessed,
}: {
  patientId: string;
  /** A document finished processing (or was already there): the caller may reload its list. */
  onProcessed?: () => void;
}) {
  const [items, setItems] = useState<UploadItem[]>([]);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const queue = useRef<UploadItem[]>([]);
  const running = useRef(0);

  const update = useCallback(
    (key: string, patch: Partial<UploadItem>) =>
      setItems((prev) => prev.map((it) => (it.key === key ? { ...it, ...patch } : it))),
    [],
  );

  const pump = useCallback(() => {
    while (running.current < PARALLEL && queue.current.length) {
      const item = queue.current.shift()!;
      running.current++;
      update(item.key, { phase: 'uploading' });
      uploadFile({ patientId, file: item.file, onProgress: (f) => update(item.key, { sent: f }) })
        .then(
          (r) => {
            if ((r.status === 202 || r.status === 200) && r.documentId) {
              update(item.key, {
                phase: 'done',
                sent: 1,
                documentId: globalId('Document', r.documentId),
                duplicate: !!r.duplicate,
              });
            } else update(item.key, { phase: 'refused', error: uploadErrorText(r) });
          },
          (e: unknown) => update(item.key, { phase: 'error', error: (e as Error).message }),
        )
        .finally(() => {
          running.current--;
          pump();
        });
    }
  }, [patientId, update]);

  const add = useCallback(
    (files: FileList | File[] | null) => {
      const list = [...(files ?? [])];
      if (!list.length) return;
      const added = list.map<UploadItem>((file) => ({
        key: `u${++counter}`,
        file,
        phase: 'waiting',
        sent: 0,
        documentId: null,
        duplicate: false,
        error: null,
      }));
      setItems((prev) => [...added, ...prev]);
      queue.current.push(...added);
      pump();
    },
    [pump],
  );

  const documentIds = items.flatMap((it) => (it.documentId ? [it.documentId] : []));
  const { progress, errors } = useDocumentProgress(documentIds);
  const readyCount = [...progress.values()].filter(
    (p) => p.documentStatus === 'READY' || p.documentStatus === 'FAILED',
  ).length;
  const notify = useRef(onProcessed);
  useEffect(() => {
    notify.current = onProcessed;
  }, [onProcessed]);
  useEffect(() => {
    if (readyCount > 0) notify.current?.();
  }, [readyCount]);

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    add(e.dataTransfer.files);
  };

  return (
    <section className="upload" aria-labelledby="upload-title">
      <h3 id="upload-title">Upload documents</h3>
      <div
        className="dropzone"
        data-dragging={dragging || undefined}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="dropzone"
      >
        <p>
          <strong>Drop files here</strong> or{' '}
          <button type="button" className="btn btn-secondary btn-sm" onClick={() => input.current?.click()}>
            Choose files…
          </button>
        </p>
        <p className="field-hint">
          Typed notes (.txt), PDFs and scanned or photographed pages (PNG, JPEG, TIFF). Several at once.
        </p>
        <label className="visually-hidden" htmlFor="upload-files">
          Files to upload
        </label>
        <input
          ref={input}
          id="upload-files"
          className="visually-hidden"
          type="file"
          multiple
          accept={ACCEPT}
          onChange={(e) => {
            add(e.target.files);
            e.target.value = '';
          }}
        />
      </div>
      {items.length > 0 && (
        <ul className="upload-list" aria-label="Uploads" aria-live="polite">
          {items.map((it) => {
            const live = it.documentId ? progress.get(it.documentId) : undefined;
            const liveError = it.documentId ? errors.get(it.documentId) : undefined;
            return (
              <li key={it.key} className="upload-item" data-phase={it.phase} data-filename={it.file.name}>
                <div className="upload-name">
                  <span className="upload-file">{it.file.name}</span>
                  <span className="muted">{formatBytes(it.file.size)}</span>
                </div>
                {(it.phase === 'waiting' || it.phase === 'uploading') && (
                  <div className="progress-cell">
                    <div
                      className="progress"
                      role="progressbar"
                      aria-label={`Uploading ${it.file.name}`}
                      aria-valuemin={0}
                      aria-valuemax={100}
                      aria-valuenow={Math.round(it.sent * 100)}
                    >
                      <div className="progress-fill" style={{ width: `${Math.round(it.sent * 100)}%` }} />
                    </div>
                    <span className="num muted">
                      {it.phase === 'waiting' ? 'waiting' : `uploading ${formatPercent(it.sent)}`}
                    </span>
                  </div>
                )}
                {(it.phase === 'refused' || it.phase === 'error') && (
                  <div className="job-error" role="alert">
                    {it.error}
                  </div>
                )}
                {it.phase === 'done' && (
                  <div className="upload-result">
                    {it.duplicate && <span className="muted">Already uploaded for this patient. </span>}
                    {live ? (
                      <DocumentStatusLive progress={live} label={it.file.name} />
                    ) : (
                      <span className="muted">Uploaded; waiting for status…</span>
                    )}
                    {liveError && <div className="job-error">{liveError}</div>}
                    {live?.documentStatus === 'READY' && it.documentId && (
                      <Link className="btn btn-sm" href={`/documents/${encodeURIComponent(it.documentId)}`}>
                        Review findings
                      </Link>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
