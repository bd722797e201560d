'use client';
/**
 * Review one document: its text with every finding highlighted (and, for OCR'd pages, the page image with word
 * and finding boxes), the selected finding with Accept / Edit / Reject, and the findings table with filters and
 * batch decisions. Every decision goes through the `reviewFindings` mutation, which records the reviewer and the
 * time and is audited. While the document is still processing, its progress shows live.
 */
import Link from 'next/link';
import type { RowSelectionState } from '@tanstack/react-table';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useDocumentProgress } from '../_lib/document-progress';
import {
  DOCUMENT_REVIEW_QUERY,
  REVIEW_FINDINGS_MUTATION,
  isReviewed,
  type Decision,
  type DecisionResult,
  type FindingEdits,
  type ReviewDocument,
} from '../_lib/document-review';
import { filterFindings, NO_FILTERS, type FindingFilters } from '../_lib/finding-filters';
import { FINDING_KINDS } from '../_lib/finding-kinds';
import { formatDateTime } from '../_lib/format';
import { gql, unwrapResult, type UnionResult } from '../_lib/graphql-client';
import { useGraphQLQuery } from '../_lib/use-graphql-query';
import { useReviewShortcuts, type ReviewAction } from '../_lib/use-review-shortcuts';
import { DocumentPageView } from './document-page-view';
import { DocumentStatusLive } from './document-status-live';
import { DocumentTextView } from './document-text-view';
import { ErrorMessage, LoadFailure } from './error-message';
import { FindingKindLegend } from './finding-kind-legend';
import { FindingPanel } from './finding-panel';
import { FindingsReviewTable } from './findings-review-table';
import { ShortcutHelp } from './shortcut-help';
import { StatusBadge } from './status-badge';
import { Tabs } from './tabs';
import { useHasScope } from './viewer-context';

const PAST: Record<Decision, string> = { ACCEPT: 'Accepted', REJECT: 'Rejected', EDIT: 'Saved the edit of' };

export function DocumentReview({ id }: { id: string }) {
  const canReview = useHasScope('write:findings');
  const { data, error, refetch } = useGraphQLQuery<{ document: UnionResult<ReviewDocument> }>(
    DOCUMENT_REVIEW_QUERY,
    { id },
  );
  const [updates, setUpdates] = useState(new Map<string, DecisionResult>());
  const [filters, setFilters] = useState<FindingFilters>(NO_FILTERS);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [editing, setEditing] = useState(false);
  const [help, setHelp] = useState(false);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState('');
  const [view, setView] = useState<string | null>(null);

  let doc: ReviewDocument | null = null;
  let failure: unknown = error;
  if (data) {
    try {
      doc = unwrapResult(data.document);
    } catch (e) {
      failure = e;
    }
  }

  const findings = useMemo(
    () => (doc?.findings ?? []).map((f) => ({ ...f, ...updates.get(f.id) })),
    [doc?.findings, updates],
  );
  const shown = useMemo(() => filterFindings(findings, filters), [findings, filters]);
  const selected = findings.find((f) => f.id === selectedId) ?? null;
  const kinds = useMemo(() => {
    const counts = new Map<string, number>();
    for (const f of findings) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
    const order = (k: string) => {
      const i = (FINDING_KINDS as readonly string[]).indexOf(k);
      return i < 0 ? 99 : i;
    };
    return [...counts].sort((a, b) => order(a[0]) - order(b[0]));
  }, [findings]);

  // Live progress while the document is processing; reload when it settles.
  const processing = doc !== null && (doc.status === 'UPLOADED' || doc.status === 'PROCESSING');
  const { progress } = useDocumentProgress(processing && doc ? [doc.id] : []);
  const live = doc ? progress.get(doc.id) : undefined;
  const liveSettled = live?.documentStatus === 'READY' || live?.documentStatus === 'FAILED';
  useEffect(() => {
    if (processing && liveSettled) refetch();
  }, [processing, liveSettled, refetch]);

  // Select the first finding once the findings arrive.
  useEffect(() => {
    if (!selectedId && shown.length) setSelectedId(shown[0].id);
  }, [selectedId, shown]);

  const select = useCallback((fid: string) => {
    setSelectedId(fid);
    setEditing(false);
  }, []);

  const decide = useCallback(
    async (ids: string[], decision: Decision, edits?: FindingEdits, then?: string | null) => {
      if (!ids.length || busy) return false;
      setBusy(true);
      setActionError(null);
      try {
        const result = await gql<{ reviewFindings: UnionResult<DecisionResult[]> }>(
          REVIEW_FINDINGS_MUTATION,
          {
            ids,
            decision,
            edits: edits ?? null,
          },
        );
        const changed = unwrapResult(result.reviewFindings);
        setUpdates((prev) => {
          const next = new Map(prev);
          for (const f of changed) next.set(f.id, f);
          return next;
        });
        setEditing(false);
        setAnnouncement(
          changed.length === 1
            ? `${PAST[decision]} ${changed[0].label}.`
            : `${PAST[decision]} ${changed.length} findings.`,
        );
        if (then !== undefined && then !== null) setSelectedId(then);
        return true;
      } catch (e) {
        setActionError(e);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [busy],
  );

  const move = useCallback(
    (step: number) => {
      if (!shown.length) return;
      const index = shown.findIndex((f) => f.id === selectedId);
      const next = index < 0 ? 0 : Math.max(0, Math.min(shown.length - 1, index + step));
      select(shown[next].id);
    },
    [shown, selectedId, select],
  );

  /** The finding after the selected one (or before, at the end): where the reviewer goes after deciding. */
  const following = useCallback(() => {
    const index = shown.findIndex((f) => f.id === selectedId);
    return shown[index + 1]?.id ?? shown[index - 1]?.id ?? selectedId;
  }, [shown, selectedId]);

  const onAction = useCallback(
    (action: ReviewAction) => {
      switch (action) {
        case 'next':
          return move(1);
        case 'previous':
          return move(-1);
        case 'help':
          return setHelp((h) => !h);
        case 'close':
          if (help) setHelp(false);
          else setEditing(false);
          return;
        case 'accept':
        case 'reject':
          if (canReview && selectedId && !editing)
            void decide([selectedId], action === 'accept' ? 'ACCEPT' : 'REJECT', undefined, following());
          return;
        case 'edit':
          if (canReview && selectedId) setEditing(true);
          return;
        case 'toggle':
          if (canReview && selectedId)
            setRowSelection((prev) => {
              const next = { ...prev };
              if (next[selectedId]) delete next[selectedId];
              else next[selectedId] = true;
              return next;
            });
          return;
      }
    },
    [move, help, canReview, selectedId, editing, decide, following],
  );
  useReviewShortcuts(onAction, !!doc);

  const back = (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      {doc ? (
        <Link href={`/patients/${encodeURIComponent(doc.patient.id)}?tab=documents`}>
          ← {doc.patient.displayName}
        </Link>
      ) : (
        <Link href="/review">← Review queue</Link>
      )}
    </nav>
  );

  if (failure) {
    return (
      <>
        {back}
        <LoadFailure error={failure} entity="document" />
      </>
    );
  }
  if (!doc) {
    return (
      <>
        {back}
        <p className="loading">Loading document…</p>
      </>
    );
  }

  const reviewed = findings.filter(isReviewed).length;
  const pending = findings.length - reviewed;
  const ocrPages = doc.ocr?.pages ?? [];
  const position = selected
    ? `Finding ${shown.findIndex((f) => f.id === selected.id) + 1 || '–'} of ${shown.length} shown`
    : '';
  const noteHref = (format: string) => `/api/documents/${encodeURIComponent(doc.id)}/note?format=${format}`;

  const textView = doc.text ? (
    <DocumentTextView
      text={doc.text}
      findings={shown}
      ocr={doc.ocr}
      selectedId={selectedId}
      onSelect={select}
    />
  ) : (
    <p className="muted">No text yet.</p>
  );
  const evidence = ocrPages.length ? (
    <Tabs
      label="Evidence"
      selected={view ?? 'text'}
      onSelect={setView}
      items={[
        { id: 'text', label: 'Text', content: textView },
        {
          id: 'page',
          label: ocrPages.length > 1 ? `Page images (${ocrPages.length})` : 'Page image',
          content: (
            <DocumentPageView
              documentId={doc.id}
              pages={ocrPages}
              findings={shown}
              selectedId={selectedId}
              onSelect={select}
            />
          ),
        },
      ]}
    />
  ) : (
    <>
      {doc.mimeType === 'application/pdf' && doc.text && (
        <p className="field-hint">
          This PDF has its own text layer: the text below is the file&apos;s text, no OCR.
        </p>
      )}
      {textView}
    </>
  );

  return (
    <>
      {back}
      <header className="page-header review-header">
        <div>
          <h1>{doc.title}</h1>
          <p className="muted">
            <StatusBadge status={doc.status} /> {doc.mimeType}
            {doc.pageCount ? ` · ${doc.pageCount} ${doc.pageCount === 1 ? 'page' : 'pages'}` : ''} · uploaded{' '}
            {doc.uploadedBy ? `by ${doc.uploadedBy.name} ` : ''}
            {formatDateTime(doc.createdAt)}
          </p>
          <p className="review-counts" data-testid="review-counts">
            {findings.length} findings · <strong>{pending}</strong> to review · {reviewed} reviewed
          </p>
        </div>
        <div className="header-actions">
          {reviewed > 0 && (
            <div className="note-links" role="group" aria-label="Download structured note">
              <span className="field-label">Download structured note</span>
              <a className="btn btn-secondary btn-sm" href={noteHref('txt')} download>
                Plain text
              </a>
              <a className="btn btn-secondary btn-sm" href={noteHref('fhir')} download>
                FHIR DocumentReference
              </a>
            </div>
          )}
          <button
            type="button"
            className="btn btn-secondary btn-sm"
            onClick={() => setHelp(true)}
            aria-keyshortcuts="?"
          >
            Keyboard shortcuts <kbd aria-hidden="true">?</kbd>
          </button>
        </div>
      </header>

      {processing && (
        <section className="card" aria-label="Processing">
          {live ? (
            <DocumentStatusLive progress={live} label={doc.title} />
          ) : (
            <p className="loading">Connecting to live progress…</p>
          )}
        </section>
      )}
      {doc.status === 'FAILED' && doc.error && (
        <div className="alert alert-error" role="alert">
          Processing failed: {doc.error}
        </div>
      )}

      <ErrorMessage error={actionError} title="The decision was not saved" />
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>

      <div className="review-layout">
        <section className="card review-evidence" aria-label="Evidence">
          <FindingKindLegend counts={kinds} />
          {evidence}
        </section>
        <div className="review-side">
          <FindingPanel
            finding={selected}
            position={position}
            editing={editing}
            busy={busy}
            canReview={canReview}
            onAccept={() => selected && void decide([selected.id], 'ACCEPT', undefined, following())}
            onReject={() => selected && void decide([selected.id], 'REJECT', undefined, following())}
            onEdit={() => setEditing(true)}
            onCancelEdit={() => setEditing(false)}
            onSave={(edits) => selected && void decide([selected.id], 'EDIT', edits)}
          />
          {announcement && (
            <p className="muted review-announcement" aria-hidden="true">
              {announcement}
            </p>
          )}
        </div>
      </div>

      <FindingsReviewTable
        findings={shown}
        total={findings.length}
        kinds={kinds.map(([k]) => k)}
        filters={filters}
        onFilters={setFilters}
        selectedId={selectedId}
        onSelect={select}
        rowSelection={rowSelection}
        onRowSelection={setRowSelection}
        canReview={canReview}
        busy={busy}
        onBatch={(decision) => {
          const ids = shown.filter((f) => rowSelection[f.id]).map((f) => f.id);
          void decide(ids, decision).then((ok) => ok && setRowSelection({}));
        }}
      />
      <ShortcutHelp open={help} onClose={() => setHelp(false)} />
    </>
  );
}
