'use client';
/**
 * The input for one SDTM value: a closed list for variables whose codelists are all non-extensible, a combobox
 * (free text with the codelist's terms suggested) for extensible ones, plain text otherwise.
 */
import { useId, type Ref } from 'react';
import { editorFor, type SdtmColumn } from '../_lib/sdtm-columns';

export function SdtmValueInput({
  column,
  value,
  onChange,
  id,
  inputRef,
  invalid,
  describedBy,
}: {
  column: SdtmColumn;
  value: string;
  onChange: (value: string) => void;
  id: string;
  inputRef?: Ref<HTMLInputElement & HTMLSelectElement>;
  invalid?: boolean;
  describedBy?: string;
}) {
  const listId = useId();
  const editor = editorFor(column);
  const common = {
    id,
    ref: inputRef,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
    className: 'sdtm-value-input',
  };
  if (editor.kind === 'select') {
    const known = value === '' || editor.terms.includes(value);
    return (
      <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{column.core === 'Req' ? '— choose —' : '(empty)'}</option>
        {!known && <option value={value}>{value} (not in the codelist)</option>}
        {editor.terms.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
    );
  }
  return (
    <>
      <input
        {...common}
        type="text"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        inputMode={column.type === 'Num' ? 'decimal' : undefined}
        list={editor.kind === 'combobox' ? listId : undefined}
        autoComplete="off"
        spellCheck={false}
      />
      {editor.kind === 'combobox' && (
        <datalist id={listId}>
          {editor.terms.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
      )}
    </>
  );
}

/** One line saying what values the variable takes. */
export function valueHint(column: SdtmColumn): string {
  const editor = editorFor(column);
  switch (editor.kind) {
    case 'select':
      return `Closed codelist ${editor.codelists}: only its terms.`;
    case 'combobox':
      return `Extensible codelist ${editor.codelists}: pick a term or type a sponsor term.`;
    case 'text':
      if (column.type === 'Num') return 'A number.';
      if (/DTC$/.test(column.name)) return 'ISO 8601, e.g. 2024-03-05 or 2024-03-05T14:30.';
      return 'Free text, printable ASCII, at most 200 characters.';
  }
}
