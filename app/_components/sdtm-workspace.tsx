'use client';
/**
 * The SDTM workspace of one study: its domains, the records of the chosen domain in a virtualised grid with
 * inline editing, adding and removing records and variables, each change with a reason, and the way back from
 * any record to the evidence it came from. Read-only for roles without write:sdtm.
 */
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  DOMAIN_SPEC,
  STUDY_DOMAINS,
  STUDY_SUBJECTS,
  type SdtmDomainSpecData,
  type SdtmRow,
  type SdtmValue,
} from '../_lib/sdtm-api';
import {
  addableVariables,
  cellValue,
  displayValue,
  workspaceColumns,
  type SdtmColumn,
} from '../_lib/sdtm-columns';
import {
  createRecord,
  deleteRecord,
  messagesForCell,
  updateRecordVariable,
} from '../_lib/sdtm-record-mutations';
import { useIssueNavigation } from '../_lib/sdtm-issue-navigation';
import { useSdtmRecordStream } from '../_lib/sdtm-record-stream';
import { useGraphQLQuery } from '../_lib/use-graphql-query';
import { EmptyState } from './empty-state';
import { ErrorMessage } from './error-message';
import { PageHeader } from './page-header';
import { SdtmAddRecord, type SubjectOption } from './sdtm-add-record';
import { SdtmAddVariable } from './sdtm-add-variable';
import { SdtmCellEditor } from './sdtm-cell-editor';
import { SdtmDomainList } from './sdtm-domain-list';
import { SdtmGrid, type ActiveCell } from './sdtm-grid';
import { SdtmIssuesPanel, type IssueReport } from './sdtm-issues-panel';
import { SdtmRecordPanel } from './sdtm-record-panel';
import { SdtmStudyActions } from './sdtm-study-actions';
import { useHasScope } from './viewer-context';

interface DomainsData {
  studies: { id: string; studyId: string; title: string }[];
  sdtmDomains: { domain: string; count: number }[];
}

interface SubjectsData {
  patients: { edges: { node: { subjects: { id: string; usubjid: string; study: { id: string } }[] } }[] };
}

function formatMs(ms: number | null): string {
  if (ms === null) return '…';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function SdtmWorkspace({ studyId, initialDomain }: { studyId: string; initialDomain: string | null }) {
  const canEdit = useHasScope('write:sdtm');
  const domainsQuery = useGraphQLQuery<DomainsData>(STUDY_DOMAINS, { studyId });
  const study = domainsQuery.data?.studies.find((s) => s.id === studyId) ?? null;
  const domains = useMemo(() => domainsQuery.data?.sdtmDomains ?? [], [domainsQuery.data]);

  const [chosen, setChosen] = useState<string | null>(initialDomain);
  const domain = chosen ?? domains[0]?.domain ?? '';
  useEffect(() => {
    if (!domain) return;
    const url = new URL(window.location.href);
    url.searchParams.set('domain', domain);
    window.history.replaceState(window.history.state, '', url);
  }, [domain]);

  const specQuery = useGraphQLQuery<{ sdtmDomainSpec: SdtmDomainSpecData | null }>(
    DOMAIN_SPEC,
    domain ? { domain } : null,
  );
  const spec =
    specQuery.dataKey === JSON.stringify({ domain }) ? (specQuery.data?.sdtmDomainSpec ?? null) : null;
  const specReady = !domain || specQuery.dataKey === JSON.stringify({ domain });

  const stream = useSdtmRecordStream(studyId, domain);
  const [added, setAdded] = useState<Record<string, string[]>>({});
  const addedHere = useMemo(() => added[domain] ?? [], [added, domain]);
  const columns = useMemo(
    () => workspaceColumns(domain, spec, stream.present, addedHere),
    [domain, spec, stream.present, addedHere],
  );
  const removable = useMemo(
    () => new Set(addedHere.filter((n) => !stream.present.includes(n))),
    [addedHere, stream.present],
  );

  const [active, setActive] = useState<ActiveCell | null>(null);
  const [editing, setEditing] = useState<{ cell: ActiveCell; element: HTMLElement | null } | null>(null);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState('');
  const [reasons, setReasons] = useState<string[]>([]);
  const [report, setReport] = useState<IssueReport | null>(null);
  const selectDomain = useCallback((next: string) => {
    setChosen(next);
    setActive(null);
    setEditing(null);
    setAdding(false);
    setNotice('');
  }, []);

  const showColumn = useCallback(
    (variable: string) => setAdded((a) => ({ ...a, [domain]: [...(a[domain] ?? []), variable] })),
    [domain],
  );
  const { issueCells, goTo: goToIssue } = useIssueNavigation({
    domain,
    rows: stream.rows,
    done: stream.done,
    columns,
    issues: report?.issues ?? null,
    selectDomain,
    showColumn,
    activate: setActive,
  });

  const rememberReason = (reason: string) =>
    setReasons((r) => [reason, ...r.filter((x) => x !== reason)].slice(0, 5));

  const subjectsQuery = useGraphQLQuery<SubjectsData>(STUDY_SUBJECTS, adding ? { studyId } : null);
  const subjects = useMemo<SubjectOption[]>(() => {
    const byId = new Map<string, string>();
    for (const e of subjectsQuery.data?.patients.edges ?? [])
      for (const s of e.node.subjects) if (s.study.id === studyId) byId.set(s.id, s.usubjid);
    if (adding) for (const r of stream.rows) if (r.subject) byId.set(r.subject.id, r.subject.usubjid);
    return [...byId]
      .map(([id, usubjid]) => ({ id, usubjid }))
      .sort((a, b) => a.usubjid.localeCompare(b.usubjid));
  }, [subjectsQuery.data, stream.rows, studyId, adding]);

  const nextSeq = (subjectId: string) => {
    let max = 0;
    for (const r of stream.rows) {
      if (r.subject?.id !== subjectId) continue;
      const seq = Number(cellValue(r, `${domain}SEQ`, domain));
      if (Number.isFinite(seq)) max = Math.max(max, seq);
    }
    return max + 1;
  };

  const activeRow = active ? stream.rows[active.row] : undefined;
  const editingRow = editing ? stream.rows[editing.cell.row] : undefined;
  const editingColumn = editing ? columns.find((c) => c.name === editing.cell.column) : undefined;

  async function saveCell(row: SdtmRow, column: SdtmColumn, value: SdtmValue, reason: string) {
    try {
      stream.replaceRow(await updateRecordVariable(row.id, column.name, value, reason));
      rememberReason(reason);
      setEditing(null);
      setNotice(`Saved ${column.name} = ${value === null ? '(removed)' : String(value)}.`);
      return [];
    } catch (e) {
      return messagesForCell(e, `${domain}.${column.name}`);
    }
  }

  async function removeRecord(row: SdtmRow, reason: string) {
    await deleteRecord(row.id, reason);
    stream.removeRow(row.id);
    rememberReason(reason);
    setActive(null);
    setNotice(`Removed the record of ${row.subject?.usubjid ?? 'no subject'}.`);
    domainsQuery.refetch();
  }

  async function addRecord(subjectId: string, variables: Record<string, SdtmValue>, reason: string) {
    const row = await createRecord({ studyId, subjectId, domain, variables, reason });
    stream.addRow(row);
    rememberReason(reason);
    setAdding(false);
    setActive({ row: stream.rows.length, column: columns[0]?.name ?? 'STUDYID' });
    setNotice(`Added a ${domain} record for ${row.subject?.usubjid ?? 'no subject'}.`);
    domainsQuery.refetch();
  }

  const loaded = stream.rows.length;
  const total = stream.totalCount;

  return (
    <>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/studies">Studies</Link> / <span className="mono">{study?.studyId ?? '…'}</span>
      </nav>
      <PageHeader
        title={`SDTM workspace${study ? ` · ${study.studyId}` : ''}`}
        description={
          study
            ? `${study.title}. ${canEdit ? 'Double-click a cell or press Enter to edit it; every change needs a reason and is audited.' : 'Read-only: your role may view SDTM but not change it.'}`
            : undefined
        }
      />
      {study && (
        <SdtmStudyActions
          studyId={studyId}
          onMapped={() => {
            domainsQuery.refetch();
            stream.reload();
          }}
        />
      )}
      <ErrorMessage error={domainsQuery.error} title="The study could not be loaded" />
      {domainsQuery.data && !study && (
        <EmptyState title="No such study">
          <Link href="/studies">Choose a study</Link>.
        </EmptyState>
      )}
      {study && (
        <div className="sdtm-layout">
          <SdtmDomainList domains={domains} selected={domain} onSelect={selectDomain} canEdit={canEdit} />
          <div className="sdtm-main">
            <section className="card" aria-label={`${domain || 'No'} domain`}>
              <div className="sdtm-toolbar">
                <div>
                  <h2>
                    <span className="mono">{domain || '—'}</span>{' '}
                    <span className="muted">
                      {spec
                        ? `${spec.label}${spec.specification === 'sponsor' ? ' · sponsor-defined' : ''}`
                        : domain && specReady
                          ? 'Custom domain (not in SDTMIG 3.4)'
                          : ''}
                    </span>
                  </h2>
                  <p className="muted sdtm-load-status" data-testid="load-status" aria-live="polite">
                    {total === null
                      ? domain
                        ? 'Loading records…'
                        : ''
                      : `${loaded.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} records` +
                        (stream.done
                          ? ` · first rows in ${formatMs(stream.timing.firstRowsMs)}, all in ${formatMs(stream.timing.allRowsMs)}`
                          : ' · loading…')}
                  </p>
                </div>
                {canEdit && domain && (
                  <div className="sdtm-actions">
                    <SdtmAddVariable
                      addable={addableVariables(spec, columns)}
                      shown={new Set(columns.map((c) => c.name))}
                      onAdd={(name) => setAdded((a) => ({ ...a, [domain]: [...(a[domain] ?? []), name] }))}
                    />
                    <button
                      type="button"
                      className="btn btn-sm"
                      onClick={() => setAdding(true)}
                      disabled={adding}
                    >
                      Add record
                    </button>
                  </div>
                )}
              </div>
              {notice && (
                <p className="alert alert-success" role="status">
                  {notice}
                </p>
              )}
              <ErrorMessage error={stream.error} title="Records could not be loaded" />
              <ErrorMessage error={specQuery.error} title="The SDTMIG specification could not be loaded" />
              {domain && specReady && (loaded > 0 || stream.done) && (
                <SdtmGrid
                  domain={domain}
                  rows={stream.rows}
                  totalCount={stream.totalCount ?? stream.rows.length}
                  columns={columns}
                  active={active}
                  onActive={setActive}
                  onEdit={(cell, element) => setEditing({ cell, element })}
                  canEdit={canEdit}
                  editing={!!editing}
                  issueCells={issueCells}
                  removableColumns={removable}
                  onRemoveColumn={(name) =>
                    setAdded((a) => ({ ...a, [domain]: (a[domain] ?? []).filter((n) => n !== name) }))
                  }
                />
              )}
              {stream.done && loaded === 0 && (
                <EmptyState title={`No ${domain} records`}>
                  {canEdit
                    ? 'Add the first record with “Add record”.'
                    : 'Nothing has been mapped to this domain.'}
                </EmptyState>
              )}
              {!domain && domainsQuery.data && (
                <EmptyState title="No SDTM records yet">
                  Accepted findings are mapped to SDTM domains here.
                  {canEdit && ' Or open a domain and add records.'}
                </EmptyState>
              )}
            </section>
            {adding && (
              <SdtmAddRecord
                key={domain}
                domain={domain}
                columns={columns}
                subjects={subjects}
                nextSeq={nextSeq}
                onCreate={addRecord}
                onClose={() => setAdding(false)}
              />
            )}
            {activeRow && active && (
              <SdtmRecordPanel
                key={activeRow.id}
                domain={domain}
                row={activeRow}
                index={active.row}
                canEdit={canEdit}
                onRemove={removeRecord}
              />
            )}
            <SdtmIssuesPanel
              studyId={studyId}
              domain={domain}
              report={report}
              onReport={setReport}
              onGoTo={goToIssue}
            />
          </div>
        </div>
      )}
      {editing && editingRow && editingColumn && (
        <SdtmCellEditor
          key={`${editingRow.id}:${editingColumn.name}`}
          column={editingColumn}
          initial={displayValue(cellValue(editingRow, editingColumn.name, domain))}
          anchor={editing.element}
          recentReasons={reasons}
          onSave={(value, reason) => saveCell(editingRow, editingColumn, value, reason)}
          onCancel={() => setEditing(null)}
        />
      )}
    </>
  );
}
