/** SDTM CSV reader: RFC 4180 parsing, column typing, metadata, and typed errors with line numbers. */
import { describe, expect, it } from 'vitest';
import { CsvFormatError, parseCsv, parseExactNumber, readCsv } from '../../../../lib/sdtm/csv/read-csv.ts';

function csvError(run: () => unknown): CsvFormatError {
  try {
    run();
  } catch (error) {
    if (error instanceof CsvFormatError) return error;
    throw error;
  }
  throw new Error('expected CsvFormatError');
}

describe('parseCsv', () => {
  it('parses quoted fields with commas, doubled quotes and line breaks, CRLF or LF, with or without a BOM', () => {
    expect(parseCsv('\uFEFFa,b,c\r\n1,"x,""y""\r\nz",\n"",2,3')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x,"y"\r\nz', ''],
      ['', '2', '3'],
    ]);
    expect(parseCsv('a,b\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a\n\n')).toEqual([['a'], ['']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('reports malformed quoting with the line', () => {
    expect(csvError(() => parseCsv('a,b\n1,"open\n\n'))).toMatchObject({
      line: 2,
      message: expect.stringMatching(/not closed/),
    });
    expect(csvError(() => parseCsv('a,b\n"x"y,2'))).toMatchObject({
      line: 2,
      message: expect.stringMatching(/after a closing quote/),
    });
  });
});

describe('parseExactNumber', () => {
  it('accepts plain decimals a double keeps exactly, refuses identifiers and lossy digits', () => {
    const cases: [string, number | undefined][] = [
      ['0', 0],
      ['-0', 0],
      ['71', 71],
      ['-7.25', -7.25],
      ['1.50', 1.5],
      ['.5', 0.5],
      ['1e5', 100000],
      ['2.5E-3', 0.0025],
      ['0.30000000000000004', 0.30000000000000004],
      ['007', undefined],
      ['00', undefined],
      ['12345678901234567890', undefined],
      ['0.10000000000000001', undefined],
      ['1e400', undefined],
      ['NaN', undefined],
      ['Infinity', undefined],
      ['0x10', undefined],
      [' 1', undefined],
      ['+1', undefined],
      ['1.2.3', undefined],
      ['', undefined],
      ['-', undefined],
    ];
    for (const [text, expected] of cases) expect(parseExactNumber(text), text).toBe(expected);
  });
});

describe('readCsv', () => {
  it('types a column Num when every non-empty value is numeric, Char otherwise', () => {
    const ds = readCsv(
      'USUBJID,SUBJID,VSSEQ,VSSTRESN,VSORRES,EMPTY,NOTE\r\n' +
        '01-701-1015,1015,1,120,120,,ok\r\n' +
        '01-701-1023,0023,2,,NOT DONE,,"a, b"\r\n' +
        '01-701-1028,1028,3,98.6,98.6,,\r\n',
      { name: 'VS', label: 'Vital Signs' },
    );
    expect(ds.variables.map((v) => [v.name, v.type, v.length])).toEqual([
      ['USUBJID', 'Char', 11],
      ['SUBJID', 'Char', 4], // 0023 has a leading zero: an identifier
      ['VSSEQ', 'Num', 8],
      ['VSSTRESN', 'Num', 8],
      ['VSORRES', 'Char', 8],
      ['EMPTY', 'Char', 1],
      ['NOTE', 'Char', 4],
    ]);
    expect(ds.rows[1]).toEqual({
      USUBJID: '01-701-1023',
      SUBJID: '0023',
      VSSEQ: 2,
      VSSTRESN: null,
      VSORRES: 'NOT DONE',
      EMPTY: '',
      NOTE: 'a, b',
    });
    expect(ds).toMatchObject({ name: 'VS', label: 'Vital Signs' });
  });

  it('measures Char lengths in UTF-8 bytes and accepts bytes as input', () => {
    const ds = readCsv(Buffer.from('TERM\nnaïve\ncafé au lait\n', 'utf8'), { name: 'X' });
    expect(ds.variables[0]).toEqual({ name: 'TERM', label: '', type: 'Char', length: 13 });
    expect(ds.rows).toEqual([{ TERM: 'naïve' }, { TERM: 'café au lait' }]);
  });

  it('keeps the metadata it is given and checks Num columns against it', () => {
    const variables = [
      { name: 'VSORRES', label: 'Result', type: 'Char' as const, length: 20, role: 'Result Qualifier' },
      { name: 'VSSTRESN', label: 'Numeric Result', type: 'Num' as const },
    ];
    const ds = readCsv('VSORRES,VSSTRESN,EXTRA\n120,120,7\n', { name: 'VS', variables });
    expect(ds.variables).toEqual([
      { name: 'VSORRES', label: 'Result', type: 'Char', length: 20, role: 'Result Qualifier' },
      { name: 'VSSTRESN', label: 'Numeric Result', type: 'Num', length: 8 },
      { name: 'EXTRA', label: '', type: 'Num', length: 8 },
    ]);
    expect(ds.rows).toEqual([{ VSORRES: '120', VSSTRESN: 120, EXTRA: 7 }]);
    expect(
      csvError(() => readCsv('VSORRES,VSSTRESN\n1,2\nx,high\n', { name: 'VS', variables })),
    ).toMatchObject({
      line: 3,
      message: expect.stringMatching(/VS.VSSTRESN\[1\]: "high" is not a number/),
    });
  });

  it('skips blank lines of a wider table, keeps them as empty values of a one-column table', () => {
    expect(readCsv('A,B\r\n1,2\r\n\r\n3,4\r\n\r\n', { name: 'X' }).rows).toEqual([
      { A: 1, B: 2 },
      { A: 3, B: 4 },
    ]);
    expect(readCsv('A\nx\n\ny\n', { name: 'X' }).rows).toEqual([{ A: 'x' }, { A: '' }, { A: 'y' }]);
  });

  it('refuses a malformed table with the line', () => {
    expect(csvError(() => readCsv('', { name: 'X' })).message).toMatch(/empty/);
    expect(csvError(() => readCsv('A,B\n"1\n2",2\n\n3\n', { name: 'X' }))).toMatchObject({
      line: 5, // after a quoted line break and a blank line
      message: expect.stringMatching(/1 fields where the header has 2/),
    });
    expect(csvError(() => readCsv('A,A\n1,2\n', { name: 'X' })).message).toMatch(/column A appears twice/);
    expect(csvError(() => readCsv('A,,C\n1,2,3\n', { name: 'X' })).message).toMatch(/column 2 has no name/);
  });
});
