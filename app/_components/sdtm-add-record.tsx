'use client';
/**
 * Adds a record to the domain in view (or starts a custom domain): the subject, a value for each editable
 * column (closed lists and comboboxes as in the grid), and the reason. The API's validation messages appear at
 * the fields they concern.
 */
import { useId, useState } from 'react';
import { errorText, ResultError } from '../_lib/graphql-client';
import type { SdtmValue } from '../_lib/sdtm-api';
import { isEditable, parseCellInput, type SdtmColumn } from '../_lib/sdtm-columns';
import { SdtmValueInput, valueHint } from './sdtm-value-input';

export interface SubjectOption {
  id: string;
  usubjid: string;
}

export function SdtmAddRecord({
  domain,
  columns,
  subjects,
  nextSeq,
  onCreate,
  onClose,
}: {
  domain: string;
  columns: SdtmColumn[];
  subjects: SubjectOption[];
  /** The next free --SEQ of a subject in this domain, proposed when the subject is chosen. */
  nextSeq: (subjectId: string) => number;
  onCreate: (subjectId: string, variables: Record<string, SdtmValue>, reason: string) => Promise<void>;
  onClose: () => void;
}) {
  const id = useId();
  const fields = columns.filter(isEditable);
  const [subjectId, setSubjectId] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const problems: Record<string, string[]> = {};
    const add = (key: string, message: string) => (problems[key] ??= []).push(message);
    const variables: Record<string, SdtmValue> = {};
    for (const column of fields) {
      const parsed = parseCellInput(column, values[column.name] ?? '');
      if ('error' in parsed) add(column.name, parsed.error);
      else if (parsed.value !== null) variables[column.name] = parsed.value;
    }
    if (!subjectId) add('subject', 'Choose the subject the record belongs to.');
    if (reason.trim().length < 3) add('reason', 'Give a reason (at least 3 characters).');
    setFieldErrors(problems);
    setError(null);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      await onCreate(subjectId, variables, reason.trim());
    } catch (e) {
      if (e instanceof ResultError && e.fieldErrors.length) {
        const byField: Record<string, string[]> = {};
        for (const f of e.fieldErrors) {
          const key = f.path[0] === 'reason' ? 'reason' : (f.path[1] ?? f.path[0] ?? '');
          (byField[key] ??= []).push(f.message);
        }
        setFieldErrors(byField);
      }
      setError(e);
      setBusy(false);
    }
  }

  const errorsOf = (key: string) =>
    fieldErrors[key]?.length ? (
      <span className="field-error" id={`${id}-${key}-error`}>
        {fieldErrors[key].join(' ')}
      </span>
    ) : null;

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="add-record">
      <h2 id={`${id}-title`}>
        Add a <span className="mono">{domain}</span> record
      </h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-subject`}>Subject (USUBJID)</label>
            <select
              id={`${id}-subject`}
              value={subjectId}
              onChange={(e) => {
                const chosen = e.target.value;
                setSubjectId(chosen);
                const seq = `${domain}SEQ`;
                if (chosen && fields.some((f) => f.name === seq))
                  setValues((prev) => ({ ...prev, [seq]: String(nextSeq(chosen)) }));
              }}
              aria-invalid={!!fieldErrors.subject || undefined}
            >
              <option value="">— choose —</option>
              {subjects.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.usubjid}
                </option>
              ))}
            </select>
            {errorsOf('subject')}
          </div>
          {fields.map((column) => (
            <div className="field" key={column.name}>
              <label htmlFor={`${id}-${column.name}`} title={column.label}>
                <span className="mono">{column.name}</span>{' '}
                {column.core && (
                  <span className={`core-badge core-${column.core.toLowerCase()}`}>{column.core}</span>
                )}
              </label>
              <SdtmValueInput
                id={`${id}-${column.name}`}
                column={column}
                value={values[column.name] ?? ''}
                onChange={(v) => setValues((prev) => ({ ...prev, [column.name]: v }))}
                invalid={!!fieldErrors[column.name]}
                describedBy={`${id}-${column.name}-error`}
              />
              <span className="field-hint">
                {column.label ? `${column.label}. ` : ''}
                {valueHint(column)}
              </span>
              {errorsOf(column.name)}
            </div>
          ))}
        </div>
        <div className="field" style={{ marginTop: '0.75rem' }}>
          <label htmlFor={`${id}-reason`}>Reason for adding the record</label>
          <input
            id={`${id}-reason`}
            type="text"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={!!fieldErrors.reason || undefined}
            aria-required="true"
          />
          {errorsOf('reason')}
        </div>
        {error !== null && (
          <p className="alert alert-error" role="alert" style={{ marginTop: '0.75rem' }}>
            {errorText(error)}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="btn" disabled={busy}>
            {busy ? 'Adding…' : 'Add record'}
          </button>
          <button type="button" className="btn btn-secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
