/**
 * An XLSX workbook of SDTM datasets for review: one sheet per dataset, then "Variables" (the metadata of every
 * variable) and "Issues" (ruleId, path, severity, message).
 *
 * Layout choices:
 * - Row 1 of a dataset sheet holds the variable names, and only the names, so the sheet reads back as a
 *   table. Each variable's label is the comment (note) on its header cell; the Variables sheet lists labels,
 *   types, lengths, roles, core and codelists in columns.
 * - Cell types follow the SAS type, never the look of the value: Char values are text cells with the Text
 *   number format ("@"), so "0012", "1E5", "TRUE" and ISO 8601 dates stay strings, in the file and when
 *   someone edits the sheet in Excel. Num values are number cells. Null is an empty cell. A string in a Num
 *   column (a data error the conformance check reports) is kept as text rather than lost.
 * - Nothing is written as a formula: a value starting with "=" is a text cell.
 *
 * Throws `XlsxExportError` for what a workbook cannot hold (more than 1,048,575 records, text over 32,767
 * characters, non-finite numbers, clashing sheet names) rather than writing a wrong file.
 */
import * as XLSX from 'xlsx';
import type { SdtmDataset, SdtmValue, SdtmVariable } from '../dataset.ts';
import { ISSUE_COLUMNS, type ExportIssue } from './write-issues-csv.ts';

export const XLSX_MAX_ROWS = 1_048_576;
export const XLSX_MAX_CELL_TEXT = 32_767;
export const VARIABLES_SHEET = 'Variables';
export const ISSUES_SHEET = 'Issues';
const VARIABLE_COLUMNS = [
  'Dataset',
  'Variable',
  'Label',
  'Type',
  'Length',
  'Role',
  'Core',
  'Codelist',
  'Format',
];

export type XlsxExportErrorCode = 'TOO_MANY_ROWS' | 'TEXT_TOO_LONG' | 'NON_FINITE_NUMBER' | 'BAD_SHEET_NAME';

export class XlsxExportError extends Error {
  constructor(
    public readonly code: XlsxExportErrorCode,
    public readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'XlsxExportError';
  }
}

export interface WriteXlsxOptions {
  /** Workbook title and creation time (docProps), for reproducible output. */
  title?: string;
  createdAt?: Date;
}

type Cell = XLSX.CellObject;

function textCell(value: string, path: string): Cell {
  if (value.length > XLSX_MAX_CELL_TEXT) {
    throw new XlsxExportError(
      'TEXT_TOO_LONG',
      path,
      `text of ${value.length} characters (XLSX holds ${XLSX_MAX_CELL_TEXT})`,
    );
  }
  return { t: 's', v: value, z: '@' };
}

function valueCell(variable: SdtmVariable, value: SdtmValue | undefined, path: string): Cell | undefined {
  if (value === null || value === undefined) return undefined;
  if (variable.type === 'Num' && typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new XlsxExportError('NON_FINITE_NUMBER', path, `${value} cannot be stored`);
    return { t: 'n', v: value };
  }
  return textCell(String(value), path);
}

/** A sheet from a header and rows of cells; `comments` annotate header cells. */
function buildSheet(header: string[], rows: (Cell | undefined)[][], comments?: string[]): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  header.forEach((name, c) => {
    const cell: Cell = { t: 's', v: name };
    if (comments?.[c]) {
      const note: XLSX.Comments = [{ a: 'imagEHR', t: comments[c] }];
      note.hidden = true;
      cell.c = note;
    }
    ws[XLSX.utils.encode_cell({ r: 0, c })] = cell;
  });
  rows.forEach((cells, r) => {
    cells.forEach((cell, c) => {
      if (cell) ws[XLSX.utils.encode_cell({ r: r + 1, c })] = cell;
    });
  });
  const lastCol = Math.max(header.length - 1, 0);
  const ref = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length, c: lastCol } });
  ws['!ref'] = ref;
  if (header.length) ws['!autofilter'] = { ref };
  ws['!cols'] = header.map((name, c) => {
    let width = name.length;
    for (const row of rows.slice(0, 1000)) width = Math.max(width, String(row[c]?.v ?? '').length);
    return { wch: Math.min(Math.max(width + 2, 6), 60) };
  });
  return ws;
}

function datasetSheet(ds: SdtmDataset): XLSX.WorkSheet {
  if (ds.rows.length >= XLSX_MAX_ROWS) {
    throw new XlsxExportError(
      'TOO_MANY_ROWS',
      ds.name,
      `${ds.rows.length} records (a sheet holds ${XLSX_MAX_ROWS - 1})`,
    );
  }
  const rows = ds.rows.map((row, i) =>
    ds.variables.map((v) => valueCell(v, row[v.name], `${ds.name}.${v.name}[${i + 1}]`)),
  );
  return buildSheet(
    ds.variables.map((v) => v.name),
    rows,
    ds.variables.map((v) => v.label),
  );
}

function variablesSheet(datasets: SdtmDataset[]): XLSX.WorkSheet {
  const rows = datasets.flatMap((ds) =>
    ds.variables.map((v) => {
      const path = `${VARIABLES_SHEET}.${ds.name}.${v.name}`;
      const text = (s: string | undefined) => (s === undefined ? undefined : textCell(s, path));
      return [
        text(ds.name),
        text(v.name),
        text(v.label),
        text(v.type),
        v.length === undefined ? undefined : ({ t: 'n', v: v.length } as Cell),
        text(v.role),
        text(v.core),
        text(v.codelist),
        text(v.format),
      ];
    }),
  );
  return buildSheet(VARIABLE_COLUMNS, rows);
}

function issuesSheet(issues: readonly ExportIssue[]): XLSX.WorkSheet {
  const rows = issues.map((issue, i) =>
    ISSUE_COLUMNS.map((c) => textCell(String(issue[c] ?? ''), `${ISSUES_SHEET}[${i + 1}].${c}`)),
  );
  return buildSheet([...ISSUE_COLUMNS], rows);
}

function checkSheetNames(datasets: SdtmDataset[]): void {
  const seen = new Set([VARIABLES_SHEET.toUpperCase(), ISSUES_SHEET.toUpperCase()]);
  for (const ds of datasets) {
    if (!ds.name || ds.name.length > 31 || /[[\]:*?/\\]/.test(ds.name) || seen.has(ds.name.toUpperCase())) {
      throw new XlsxExportError('BAD_SHEET_NAME', ds.name, 'dataset name cannot be a distinct sheet name');
    }
    seen.add(ds.name.toUpperCase());
  }
}

/** Builds the workbook and returns the .xlsx bytes. */
export function writeXlsx(
  datasets: SdtmDataset[],
  issues: readonly ExportIssue[] = [],
  options: WriteXlsxOptions = {},
): Uint8Array {
  checkSheetNames(datasets);
  const wb = XLSX.utils.book_new();
  wb.Props = {
    Title: options.title ?? 'SDTM datasets',
    Author: 'imagEHR',
    CreatedDate: options.createdAt ?? new Date(),
  };
  for (const ds of datasets) XLSX.utils.book_append_sheet(wb, datasetSheet(ds), ds.name);
  XLSX.utils.book_append_sheet(wb, variablesSheet(datasets), VARIABLES_SHEET);
  XLSX.utils.book_append_sheet(wb, issuesSheet(issues), ISSUES_SHEET);
  const out: ArrayBuffer = XLSX.write(wb, {
    type: 'array',
    bookType: 'xlsx',
    bookSST: true,
    compression: true,
  });
  return new Uint8Array(out);
}
