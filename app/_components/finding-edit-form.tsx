'use client';
/** Correct a finding's value, unit, code and assertion (saving accepts it as edited), with an optional note. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ASSERTIONS, humanize, type FindingEdits, type ReviewFinding } from '../_lib/document-review';

const CODE_PATTERN = /^[A-Za-z0-9.]*$/;

export function FindingEditForm({
  finding,
  busy,
  onSave,
  onCancel,
}: {
  finding: ReviewFinding;
  busy: boolean;
  onSave: (edits: FindingEdits) => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState(finding.value ?? '');
  const [unit, setUnit] = useState(finding.unit ?? '');
  const [code, setCode] = useState(finding.code ?? '');
  const [assertion, setAssertion] = useState(finding.assertion);
  const [note, setNote] = useState('');
  const first = useRef<HTMLInputElement>(null);
  const codeValid = CODE_PATTERN.test(code.trim());

  useEffect(() => first.current?.focus(), []);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!codeValid) return;
    const orNull = (s: string) => (s.trim() ? s.trim() : null);
    onSave({
      value: orNull(value),
      unit: orNull(unit),
      code: orNull(code)?.toUpperCase() ?? null,
      assertion,
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  }

  return (
    <form className="finding-edit" onSubmit={submit} aria-label={`Edit ${finding.label}`}>
      <div className="form-grid finding-edit-grid">
        <div className="field">
          <label htmlFor="edit-value">Value</label>
          <input
            ref={first}
            id="edit-value"
            type="text"
            value={value}
            maxLength={200}
            onChange={(e) => setValue(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="edit-unit">Unit</label>
          <input
            id="edit-unit"
            type="text"
            value={unit}
            maxLength={40}
            onChange={(e) => setUnit(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="edit-code">
            Code{finding.codeSystem ? ` (${shortSystem(finding.codeSystem)})` : ''}
          </label>
          <input
            id="edit-code"
            type="text"
            value={code}
            maxLength={20}
            aria-invalid={!codeValid}
            aria-describedby="edit-code-hint"
            onChange={(e) => setCode(e.target.value)}
          />
          <span id="edit-code-hint" className="field-hint">
            Letters, digits and dots, e.g. I10
          </span>
        </div>
        <div className="field">
          <label htmlFor="edit-assertion">Assertion</label>
          <select
            id="edit-assertion"
            value={assertion}
            onChange={(e) => setAssertion(e.target.value as typeof assertion)}
          >
            {ASSERTIONS.map((a) => (
              <option key={a} value={a}>
                {humanize(a)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-full">
          <label htmlFor="edit-note">Note (optional)</label>
          <input
            id="edit-note"
            type="text"
            value={note}
            maxLength={1000}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn" disabled={busy || !codeValid}>
          {busy ? 'Saving…' : 'Save edit'}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** "ICD-10-CM" for its URI; other systems as given. */
export function shortSystem(system: string): string {
  if (system.includes('icd-10')) return 'ICD-10-CM';
  if (system.includes('rxnorm')) return 'RxNorm';
  if (system.includes('loinc')) return 'LOINC';
  if (system.includes('snomed')) return 'SNOMED CT';
  return system;
}
