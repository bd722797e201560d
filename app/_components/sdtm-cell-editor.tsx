'use client';
/**
 * Edits one cell: the value (closed list, combobox or text), a reason that every change needs, and the API's
 * validation messages shown right under the cell. Floats over the grid next to the cell it edits; Escape cancels.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { parseCellInput, type SdtmColumn } from '../_lib/sdtm-columns';
import type { SdtmValue } from '../_lib/sdtm-api';
import { SdtmValueInput, valueHint } from './sdtm-value-input';

const WIDTH = 340;

export function SdtmCellEditor({
  column,
  initial,
  anchor,
  recentReasons,
  onSave,
  onCancel,
}: {
  column: SdtmColumn;
  initial: string;
  /** The cell being edited; the editor places itself below it (above it near the bottom of the window). */
  anchor: HTMLElement | null;
  recentReasons: string[];
  /** Resolves to the problems the API found, or to none when the value was saved. */
  onSave: (value: SdtmValue, reason: string) => Promise<string[]>;
  onCancel: () => void;
}) {
  const id = useId();
  const [value, setValue] = useState(initial);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [style, setStyle] = useState<CSSProperties>({ visibility: 'hidden' });
  const inputRef = useRef<HTMLInputElement & HTMLSelectElement>(null);
  const panelRef = useRef<HTMLFormElement>(null);

  useLayoutEffect(() => {
    const place = () => {
      if (!anchor) return;
      const cell = anchor.getBoundingClientRect();
      const height = panelRef.current?.offsetHeight ?? 220;
      const left = Math.max(8, Math.min(cell.left, window.innerWidth - WIDTH - 8));
      const below = cell.bottom + 4 + height < window.innerHeight;
      setStyle({ left, top: below ? cell.bottom + 4 : Math.max(8, cell.top - height - 4), width: WIDTH });
    };
    place();
    window.addEventListener('resize', place);
    document.addEventListener('scroll', place, true);
    return () => {
      window.removeEventListener('resize', place);
      document.removeEventListener('scroll', place, true);
    };
  }, [anchor, errors.length]);

  useEffect(() => inputRef.current?.focus(), []);

  async function submit() {
    const parsed = parseCellInput(column, value);
    const problems = [
      ...('error' in parsed ? [parsed.error] : []),
      ...(reason.trim().length < 3 ? ['Give a reason for the change (at least 3 characters).'] : []),
    ];
    if (problems.length || 'error' in parsed) {
      setErrors(problems);
      return;
    }
    setSaving(true);
    const found = await onSave(parsed.value, reason.trim());
    setSaving(false);
    setErrors(found);
  }

  return (
    <form
      ref={panelRef}
      className="sdtm-cell-editor"
      style={style}
      aria-label={`Edit ${column.name}`}
      data-testid="cell-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-value`}>
          <span className="mono">{column.name}</span>{' '}
          {column.label && <span className="muted">{column.label}</span>}
        </label>
        <SdtmValueInput
          id={`${id}-value`}
          column={column}
          value={value}
          onChange={setValue}
          inputRef={inputRef}
          invalid={errors.length > 0}
          describedBy={`${id}-hint ${id}-errors`}
        />
        <span className="field-hint" id={`${id}-hint`}>
          {valueHint(column)}
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>Reason for the change</label>
        <input
          id={`${id}-reason`}
          type="text"
          aria-required="true"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          list={`${id}-reasons`}
          autoComplete="off"
          placeholder="e.g. corrected per source document"
        />
        <datalist id={`${id}-reasons`}>
          {recentReasons.map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
      </div>
      <div id={`${id}-errors`} role="alert" className="sdtm-cell-errors">
        {errors.map((e) => (
          <p key={e}>{e}</p>
        ))}
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-sm" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="btn btn-sm btn-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
