'use client';
/**
 * Conformance issues of the study (CDISC CORE rules and built-in checks), run on request: each with its path,
 * rule and message; choosing one takes you to the cell it is about.
 */
import { useState } from 'react';
import { gql } from '../_lib/graphql-client';
import { STUDY_ISSUES, type SdtmIssueData } from '../_lib/sdtm-api';
import { ErrorMessage } from './error-message';

const count = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

export interface IssueReport {
  totalCount: number;
  issues: SdtmIssueData[];
}

export function SdtmIssuesPanel({
  studyId,
  domain,
  report,
  onReport,
  onGoTo,
}: {
  studyId: string;
  domain: string;
  report: IssueReport | null;
  onReport: (report: IssueReport) => void;
  onGoTo: (issue: SdtmIssueData) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [onlyDomain, setOnlyDomain] = useState(false);

  async function run() {
    setBusy(true);
    setError(null);
    try {
      onReport((await gql<{ sdtmIssues: IssueReport }>(STUDY_ISSUES, { studyId })).sdtmIssues);
    } catch (e) {
      setError(e);
    }
    setBusy(false);
  }

  const shown = report?.issues.filter((i) => !onlyDomain || i.dataset === domain) ?? [];
  const errors = report?.issues.filter((i) => i.severity === 'error').length ?? 0;

  return (
    <section className="card" aria-labelledby="issues-title" data-testid="issues-panel">
      <div className="sdtm-toolbar">
        <div>
          <h2 id="issues-title">Conformance</h2>
          <p className="muted sdtm-load-status" aria-live="polite">
            {report
              ? `${count(report.totalCount, 'issue')} (${count(errors, 'error')}, ${count(report.issues.length - errors, 'warning')}${report.totalCount > report.issues.length ? ` among the first ${report.issues.length}` : ''})`
              : 'CDISC CORE rules for SDTMIG 3.4 and built-in checks (ISO 8601, --SEQ, closed codelists, SAS V5).'}
          </p>
        </div>
        <div className="sdtm-actions">
          {report && (
            <label className="checkbox">
              <input type="checkbox" checked={onlyDomain} onChange={(e) => setOnlyDomain(e.target.checked)} />
              Only {domain || 'this domain'}
            </label>
          )}
          <button
            type="button"
            className="btn btn-sm btn-secondary"
            onClick={() => void run()}
            disabled={busy}
          >
            {busy ? 'Checking…' : report ? 'Check again' : 'Check conformance'}
          </button>
        </div>
      </div>
      <ErrorMessage error={error} title="The check could not run" />
      {report && shown.length > 0 && (
        <div className="sdtm-issues">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Severity</th>
                <th scope="col">Where</th>
                <th scope="col">Rule</th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((issue, i) => (
                <tr key={`${issue.path}:${issue.ruleId}:${i}`}>
                  <td>
                    <span
                      className={`badge ${issue.severity === 'error' ? 'badge-danger' : 'badge-warning'}`}
                    >
                      {issue.severity}
                    </span>
                  </td>
                  <td>
                    <button type="button" className="sdtm-issue-link mono" onClick={() => onGoTo(issue)}>
                      {issue.path}
                    </button>
                  </td>
                  <td className="mono nowrap">{issue.ruleId}</td>
                  <td>{issue.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report && shown.length === 0 && <p className="muted">No issues{onlyDomain ? ` in ${domain}` : ''}.</p>}
    </section>
  );
}
