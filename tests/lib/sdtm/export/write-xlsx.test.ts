import { strFromU8, unzipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import type { SdtmDataset } from '../../../../lib/sdtm/dataset.ts';
import { readXlsxSafely } from '../../../../lib/sdtm/export/read-xlsx-safely.ts';
import { XlsxExportError, writeXlsx } from '../../../../lib/sdtm/export/write-xlsx.ts';
import { studyDatasets } from '../define/study-fixture.ts';

const issues = [
  {
    ruleId: 'CORE-000351',
    path: 'DM.USUBJID[2]',
    severity: 'error',
    message: 'USUBJID "x" & <y> is duplicated',
  },
  { ruleId: 'CORE-000019', path: 'VS.VSTEST', severity: 'warning', message: '=HYPERLINK("http://x")' },
];

function tricky(): SdtmDataset {
  return {
    name: 'XX',
    label: 'Tricky values',
    variables: [
      { name: 'TXT', label: 'Text that looks like other things', type: 'Char' },
      { name: 'NUM', label: 'A number', type: 'Num' },
    ],
    rows: [
      { TXT: '0012', NUM: 12 },
      { TXT: '1E5', NUM: 1e5 },
      { TXT: '2024-03-05', NUM: -0.5 },
      { TXT: '2024-03-05T09:30:00', NUM: null },
      { TXT: 'TRUE', NUM: 0 },
      { TXT: '=1+1', NUM: 3.14159 },
      { TXT: null, NUM: 7 },
      { TXT: 'Température <max> & "ü" 性别', NUM: 1 },
      { TXT: ' leading and trailing ', NUM: 2 },
    ],
  };
}

const cellAt = (ws: XLSX.WorkSheet, r: number, c: number) =>
  ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;

describe('writeXlsx', () => {
  it('writes one sheet per dataset plus Variables and Issues, and reads back', () => {
    const datasets = studyDatasets();
    const wb = readXlsxSafely(writeXlsx(datasets, issues));
    expect(wb.SheetNames).toEqual(['DM', 'VS', 'CM', 'MH', 'SUPPMH', 'Variables', 'Issues']);

    for (const ds of datasets) {
      const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[ds.name], {
        header: 1,
        raw: true,
        defval: null,
      });
      expect(rows[0]).toEqual(ds.variables.map((v) => v.name));
      expect(rows.slice(1)).toEqual(ds.rows.map((row) => ds.variables.map((v) => row[v.name] ?? null)));
    }

    const issueRows = XLSX.utils.sheet_to_json<Record<string, string>>(wb.Sheets.Issues, { raw: true });
    expect(issueRows).toEqual(issues);

    const vars = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets.Variables, { raw: true });
    expect(vars).toHaveLength(datasets.reduce((n, ds) => n + ds.variables.length, 0));
    expect(vars.find((v) => v.Dataset === 'DM' && v.Variable === 'SEX')).toMatchObject({
      Label: 'Sex',
      Type: 'Char',
      Core: 'Req',
      Codelist: 'C66731',
    });
  });

  it('puts variable labels in comments on the header cells', () => {
    const ds = studyDatasets()[0];
    const wb = readXlsxSafely(writeXlsx([ds]));
    ds.variables.forEach((v, c) => {
      const cell = cellAt(wb.Sheets.DM, 0, c)!;
      expect(cell.v).toBe(v.name);
      expect(cell.c?.[0]?.t).toBe(v.label);
    });
  });

  it('keeps text as text and numbers as numbers, whatever the text looks like', () => {
    const ds = tricky();
    const bytes = writeXlsx([ds]);
    const ws = readXlsxSafely(bytes).Sheets.XX;
    ds.rows.forEach((row, i) => {
      const txt = cellAt(ws, i + 1, 0);
      const num = cellAt(ws, i + 1, 1);
      if (row.TXT === null) expect(txt).toBeUndefined();
      else expect(txt).toMatchObject({ t: 's', v: row.TXT });
      if (row.NUM === null) expect(num).toBeUndefined();
      else expect(num).toMatchObject({ t: 'n', v: row.NUM });
    });
    // In the file: text cells are shared strings with the Text format, and no cell is a formula.
    const sheetXml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']);
    expect(sheetXml).not.toMatch(/<f[ >]/);
    const text = cellAt(XLSX.read(bytes, { type: 'array', cellNF: true }).Sheets.XX, 1, 0);
    expect(text?.z).toBe('@');
  });

  it('refuses what a workbook cannot hold, naming where', () => {
    const long = tricky();
    long.rows[3].TXT = 'x'.repeat(32_768);
    expect(() => writeXlsx([long])).toThrow(/XX\.TXT\[4\].*32768 characters/);
    const nan = tricky();
    nan.rows[1].NUM = Number.NaN;
    expect(() => writeXlsx([nan])).toThrow(XlsxExportError);
    const clash = { ...tricky(), name: 'ISSUES' };
    expect(() => writeXlsx([clash])).toThrow(/sheet name/);
  });

  it('keeps a string found in a Num column as text instead of dropping it', () => {
    const ds = tricky();
    ds.rows[0].NUM = 'not done';
    const ws = readXlsxSafely(writeXlsx([ds])).Sheets.XX;
    expect(cellAt(ws, 1, 1)).toMatchObject({ t: 's', v: 'not done' });
  });
});
