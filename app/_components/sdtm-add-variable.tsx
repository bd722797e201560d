'use client';
/**
 * Adds an empty column to fill: a permissible SDTMIG variable of the domain, or (custom domains and
 * non-standard variables) any valid name. Removing a value is done per record, by emptying its cell.
 */
import { useState } from 'react';
import type { SdtmVariableMeta } from '../_lib/sdtm-api';

const NAME = /^[A-Z_][A-Z0-9_]{0,7}$/;

export function SdtmAddVariable({
  addable,
  shown,
  onAdd,
}: {
  addable: SdtmVariableMeta[];
  shown: ReadonlySet<string>;
  onAdd: (name: string) => void;
}) {
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  return (
    <form
      className="sdtm-inline"
      onSubmit={(e) => {
        e.preventDefault();
        const upper = name.trim().toUpperCase();
        if (!NAME.test(upper)) return setError('1–8 letters, digits or _, not starting with a digit.');
        if (shown.has(upper)) return setError(`${upper} is already shown.`);
        setError('');
        setName('');
        onAdd(upper);
      }}
    >
      <label htmlFor="add-variable" className="visually-hidden">
        Variable to add
      </label>
      <input
        id="add-variable"
        type="text"
        list="addable-variables"
        placeholder={addable.length ? `Variable, e.g. ${addable[0].name}` : 'Variable name'}
        value={name}
        onChange={(e) => setName(e.target.value)}
        aria-invalid={!!error || undefined}
        aria-describedby="add-variable-error"
        autoComplete="off"
      />
      <datalist id="addable-variables">
        {addable.map((v) => (
          <option key={v.name} value={v.name}>
            {v.label} ({v.core})
          </option>
        ))}
      </datalist>
      <button type="submit" className="btn btn-sm btn-secondary">
        Add column
      </button>
      <span id="add-variable-error" className="field-error" role={error ? 'alert' : undefined}>
        {error}
      </span>
    </form>
  );
}
