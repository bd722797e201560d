'use client';
/**
 * Conformance issues on the grid: the messages of the cells of the domain in view (by row index), and going to
 * an issue's cell, across domains and before its rows have arrived (the target waits for them). A variable the
 * grid does not show yet is added as a column first.
 */
import { useEffect, useMemo, useState } from 'react';
import type { SdtmIssueData, SdtmRow } from './sdtm-api';
import type { SdtmColumn } from './sdtm-columns';

export interface IssueNavigation {
  /** Row index → variable → messages, for the domain in view. */
  issueCells: ReadonlyMap<number, ReadonlyMap<string, string>>;
  goTo(issue: SdtmIssueData): void;
}

export function useIssueNavigation(o: {
  domain: string;
  rows: SdtmRow[];
  done: boolean;
  columns: SdtmColumn[];
  issues: SdtmIssueData[] | null;
  selectDomain: (domain: string) => void;
  showColumn: (variable: string) => void;
  activate: (cell: { row: number; column: string }) => void;
}): IssueNavigation {
  const { domain, rows, done, columns, issues, selectDomain, showColumn, activate } = o;
  const [target, setTarget] = useState<{ domain: string; recordId: string; variable: string | null } | null>(
    null,
  );

  const rowIndex = useMemo(
    () => (issues || target ? new Map(rows.map((r, i) => [r.id, i])) : null),
    [issues, target, rows],
  );

  const issueCells = useMemo(() => {
    const cells = new Map<number, Map<string, string>>();
    if (!issues || !rowIndex) return cells;
    for (const issue of issues) {
      if (issue.dataset !== domain || !issue.recordId || !issue.variable) continue;
      const row = rowIndex.get(issue.recordId);
      if (row === undefined) continue;
      const messages = cells.get(row) ?? new Map<string, string>();
      const before = messages.get(issue.variable);
      messages.set(issue.variable, before ? `${before}\n${issue.message}` : issue.message);
      cells.set(row, messages);
    }
    return cells;
  }, [issues, rowIndex, domain]);

  useEffect(() => {
    if (!target || target.domain !== domain || !rowIndex) return;
    const row = rowIndex.get(target.recordId);
    if (row === undefined) {
      if (done) setTarget(null);
      return;
    }
    const variable = target.variable;
    if (variable && !columns.some((c) => c.name === variable)) {
      showColumn(variable);
      return;
    }
    activate({ row, column: variable ?? columns[0]?.name ?? 'STUDYID' });
    setTarget(null);
  }, [target, domain, rowIndex, columns, done, showColumn, activate]);

  function goTo(issue: SdtmIssueData) {
    if (issue.dataset !== domain) selectDomain(issue.dataset);
    if (issue.recordId)
      setTarget({ domain: issue.dataset, recordId: issue.recordId, variable: issue.variable });
  }

  return { issueCells, goTo };
}
