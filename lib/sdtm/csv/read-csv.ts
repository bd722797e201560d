/**
 * Reads an SDTM dataset from CSV (RFC 4180: comma-separated, fields optionally in double quotes with
 * quotes doubled, CRLF or LF line ends, quoted fields may span lines; a UTF-8 byte order mark is skipped).
 * The first record names the variables.
 *
 * Types: a variable described in `options.variables` keeps that metadata (type, label, length, ...).
 * Otherwise a column is Num when it has at least one non-empty value and every non-empty value is a plain
 * decimal number that a double holds exactly as written; values with leading zeros (`007`) or more
 * precision than a double keeps (`12345678901234567890`) make the column Char, so nothing is lost.
 * Empty fields are `null` in Num columns and `''` in Char columns. Char lengths are the longest value in
 * UTF-8 bytes (at least 1) unless the metadata gives one; Num lengths are 8.
 *
 * Blank lines are skipped when the table has more than one column. Malformed input raises `CsvFormatError`
 * with the 1-based line.
 */
import type { SdtmDataset, SdtmValue, SdtmVariable } from '../dataset.ts';

export class CsvFormatError extends Error {
  override readonly name = 'CsvFormatError';
  constructor(
    message: string,
    /** 1-based line of the input. */
    readonly line: number,
  ) {
    super(`${message} (line ${line})`);
  }
}

export interface ReadCsvOptions {
  /** Dataset name (DM, VS, ...). */
  name: string;
  label?: string;
  /** Known metadata by variable name; columns not listed are typed from their values. */
  variables?: readonly SdtmVariable[];
}

/** Splits CSV text into records of fields. */
export function parseCsv(text: string): string[][] {
  return parseCsvRecords(text).map((r) => r.fields);
}

interface CsvRecord {
  fields: string[];
  /** 1-based line where the record starts. */
  line: number;
}

function parseCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let record: string[] = [];
  let recordLine = 1;
  let field = '';
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const n = text.length;
  let atFieldStart = true;
  while (i < n) {
    const c = text[i];
    if (atFieldStart && c === '"') {
      // Quoted field: runs to the next quote not followed by another quote.
      const quotedAt = line;
      i++;
      let closed = false;
      while (i < n) {
        const q = text.indexOf('"', i);
        if (q < 0) break;
        field += text.slice(i, q);
        for (let k = i; k < q; k++) if (text.charCodeAt(k) === 10) line++;
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          closed = true;
          break;
        }
      }
      if (!closed) throw new CsvFormatError('a quoted field is not closed', quotedAt);
      const next = text[i];
      if (i < n && next !== ',' && next !== '\r' && next !== '\n') {
        throw new CsvFormatError(`unexpected ${JSON.stringify(next)} after a closing quote`, line);
      }
      atFieldStart = false;
      continue;
    }
    if (c === ',') {
      record.push(field);
      field = '';
      atFieldStart = true;
      i++;
    } else if (c === '\r' || c === '\n') {
      record.push(field);
      records.push({ fields: record, line: recordLine });
      record = [];
      field = '';
      atFieldStart = true;
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      // Unquoted run up to the next delimiter or line end.
      let j = i;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 44 || d === 13 || d === 10) break;
        j++;
      }
      field += text.slice(i, j);
      atFieldStart = false;
      i = j;
    }
  }
  if (!atFieldStart || field !== '' || record.length > 0) {
    record.push(field);
    records.push({ fields: record, line: recordLine });
  }
  return records;
}

const DECIMAL = /^(-?)(\d+)?(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * The number a CSV field holds when it is a plain decimal that a double keeps exactly as written (its
 * significant digits are the shortest ones of the double), otherwise undefined. Integers written with
 * leading zeros (`007`) are refused: they are identifiers, not numbers.
 */
export function parseExactNumber(text: string): number | undefined {
  const m = DECIMAL.exec(text);
  if (!m) return undefined;
  const [, , intPart = '', fracPart = '', exp = '0'] = m;
  if (intPart === '' && fracPart === '') return undefined; // "", "-", "." and "e5"
  if (intPart.length > 1 && intPart.startsWith('0')) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) return undefined;
  // Written value = 0.DIGITS × 10^point after dropping leading and trailing zeros.
  const all = intPart + fracPart;
  const digits = all.replace(/^0+/, '').replace(/0+$/, '');
  if (digits === '') return 0;
  const point = intPart.length + Number(exp) - (all.length - all.replace(/^0+/, '').length);
  // The double's shortest digits, in the same form.
  const [mantissa, e] = Math.abs(value).toExponential().split('e');
  const shortest = mantissa.replace('.', '');
  return shortest === digits && Number(e) + 1 === point ? value : undefined;
}

/** Reads CSV text (or UTF-8 bytes) as one SDTM dataset. */
export function readCsv(input: string | Uint8Array, options: ReadCsvOptions): SdtmDataset {
  const text = typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input);
  const records = parseCsvRecords(text);
  if (records.length === 0) throw new CsvFormatError('the file is empty: no header row', 1);
  const header = records[0].fields;
  const seen = new Set<string>();
  header.forEach((name, i) => {
    if (name === '') throw new CsvFormatError(`column ${i + 1} has no name`, 1);
    if (seen.has(name)) throw new CsvFormatError(`column ${name} appears twice`, 1);
    seen.add(name);
  });
  // A blank line is one empty field: data for a one-column table, noise (skipped) for a wider one.
  const data = records
    .slice(1)
    .filter((r) => header.length === 1 || r.fields.length > 1 || r.fields[0] !== '');
  for (const record of data) {
    if (record.fields.length !== header.length) {
      throw new CsvFormatError(
        `${record.fields.length} fields where the header has ${header.length}`,
        record.line,
      );
    }
  }
  const body = data.map((r) => r.fields);
  const known = new Map((options.variables ?? []).map((v) => [v.name, v]));
  const variables: SdtmVariable[] = header.map((name, c) => {
    const meta = known.get(name);
    const values = body.map((record) => record[c]);
    const type = meta?.type ?? inferType(values);
    const variable: SdtmVariable = { ...meta, name, label: meta?.label ?? '', type };
    if (variable.length === undefined) {
      variable.length = type === 'Num' ? 8 : Math.max(1, ...values.map((v) => Buffer.byteLength(v, 'utf8')));
    }
    return variable;
  });
  const rows = body.map((record, r) => {
    const row: Record<string, SdtmValue> = {};
    variables.forEach((v, c) => {
      const field = record[c];
      if (v.type === 'Char') row[v.name] = field;
      else if (field === '') row[v.name] = null;
      else {
        const value = Number(field);
        if (!DECIMAL.test(field) || !Number.isFinite(value)) {
          throw new CsvFormatError(
            `${options.name}.${v.name}[${r}]: "${field}" is not a number`,
            data[r].line,
          );
        }
        row[v.name] = value === 0 ? 0 : value;
      }
    });
    return row;
  });
  return { name: options.name, label: options.label ?? '', variables, rows };
}

function inferType(values: string[]): 'Char' | 'Num' {
  let any = false;
  for (const value of values) {
    if (value === '') continue;
    if (parseExactNumber(value) === undefined) return 'Char';
    any = true;
  }
  return any ? 'Num' : 'Char';
}
