'use client';
/**
 * The SDTM workspace of one study: its domains, the records of the chosen domain in a virtualised grid with
 * inline editing, adding and removing records and variables, each change with a reason, and the way back from
 * any record to the evidence it came from. Read-only for roles without write:sdtm.
 */
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { errorText, gql, ResultError, unwrapResult, type UnionResult } from '../_lib/graphql-client';
import {
  CREATE_RECORD,
  DELETE_RECORD,
  DOMAIN_SPEC,
  STUDY_DOMAINS,
  STUDY_SUBJECTS,
  UPDATE_RECORD,
  type SdtmDomainSpecData,
  type SdtmIssueData,
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

function fieldMessages(e: unknown, path: string): string[] {
  if (!(e instanceof ResultError)) return [errorText(e)];
  if (!e.fieldErrors.length) return [e.message];
  return e.fieldErrors.map((f) =>
    f.path.join('.') === path ? f.message : `${f.path.join('.')}: ${f.message}`,
  );
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
  /** An issue chosen in another domain (or before its rows arrived): where to go once they are loaded. */
  const [target, setTarget] = useState<{ domain: string; recordId: string; variable: string | null } | null>(
    null,
  );

  const rowIndex = useMemo(() => {
    if (!report && !target) return null;
    return new Map(stream.rows.map((r, i) => [r.id, i]));
  }, [report, target, stream.rows]);

  const issueCells = useMemo(() => {
    const cells = new Map<number, Map<string, string>>();
    if (!report || !rowIndex) return cells;
    for (const issue of report.issues) {
      if (issue.dataset !== domain || !issue.recordId || !issue.variable) continue;
      const row = rowIndex.get(issue.recordId);
      if (row === undefined) continue;
      const messages = cells.get(row) ?? new Map<string, string>();
      const before = messages.get(issue.variable);
      messages.set(issue.variable, before ? `${before}\n${issue.message}` : issue.message);
      cells.set(row, messages);
    }
    return cells;
  }, [report, rowIndex, domain]);

  useEffect(() => {
    if (!target || target.domain !== domain || !rowIndex) return;
    const row = rowIndex.get(target.recordId);
    if (row === undefined) {
      if (stream.done) setTarget(null);
      return;
    }
    const variable = target.variable;
    if (variable && !columns.some((c) => c.name === variable)) {
      setAdded((a) => ({ ...a, [domain]: [...(a[domain] ?? []), variable] }));
      return;
    }
    setActive({ row, column: variable ?? columns[0]?.name ?? 'STUDYID' });
    setTarget(null);
  }, [target, domain, rowIndex, columns, stream.done]);

  const selectDomain = useCallback((next: string) => {
    setChosen(next);
    setActive(null);
    setEditing(null);
    setAdding(false);
    setNotice('');
  }, []);

  function goToIssue(issue: SdtmIssueData) {
    if (!issue.recordId) {
      if (issue.dataset !== domain) selectDomain(issue.dataset);
      return;
    }
    if (issue.dataset !== domain) selectDomain(issue.dataset);
    setTarget({ domain: issue.dataset, recordId: issue.recordId, variable: issue.variable });
  }

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
      const data = await gql<{ updateSdtmRecord: UnionResult<SdtmRow> }>(UPDATE_RECORD, {
        id: row.id,
        variables: { [column.name]: value },
        reason,
      });
      stream.replaceRow(unwrapResult(data.updateSdtmRecord));
      rememberReason(reason);
      setEditing(null);
      setNotice(`Saved ${column.name} = ${value === null ? '(removed)' : String(value)}.`);
      return [];
    } catch (e) {
      return fieldMessages(e, `${domain}.${column.name}`);
    }
  }

  async function removeRecord(row: SdtmRow, reason: string) {
    const data = await gql<{ deleteSdtmRecord: UnionResult<{ id: string }> }>(DELETE_RECORD, {
      id: row.id,
      reason,
    });
    unwrapResult(data.deleteSdtmRecord);
    stream.removeRow(row.id);
    rememberReason(reason);
    setActive(null);
    setNotice(`Removed the record of ${row.subject?.usubjid ?? 'no subject'}.`);
    domainsQuery.refetch();
  }

  async function createRecord(subjectId: string, variables: Record<string, SdtmValue>, reason: string) {
    const data = await gql<{ createSdtmRecord: UnionResult<SdtmRow> }>(CREATE_RECORD, {
      studyId,
      subjectId,
      domain,
      variables,
      reason,
    });
    const row = unwrapResult(data.createSdtmRecord);
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
                onCreate={createRecord}
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
