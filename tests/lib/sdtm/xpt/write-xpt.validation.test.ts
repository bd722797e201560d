/**
 * The XPT writers refuse invalid datasets: every problem is reported in one XptValidationError with its
 * path, and the streaming writer leaves no file (or destroys the caller's stream) when rows are invalid.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { SdtmVariable } from '../../../../lib/sdtm/dataset.ts';
import { parseXpt, readXpt } from '../../../../lib/sdtm/xpt/read-xpt.ts';
import { specialMissing } from '../../../../lib/sdtm/xpt/sas-missing.ts';
import { createXptWriter, writeXpt, type XptRow } from '../../../../lib/sdtm/xpt/write-xpt.ts';
import { XptValidationError } from '../../../../lib/sdtm/xpt/xpt-errors.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xpt-validation-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function validationError(run: () => unknown): XptValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof XptValidationError) return error;
    throw error;
  }
  throw new Error('expected XptValidationError');
}

async function rejected(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

const VS_VARIABLES: SdtmVariable[] = [
  { name: 'USUBJID', label: 'Unique Subject Identifier', type: 'Char', length: 12 },
  { name: 'VSSEQ', label: 'Sequence Number', type: 'Num' },
  { name: 'VSORRES', label: 'Result or Finding in Original Units', type: 'Char', length: 20 },
  { name: 'VSSTRESN', label: 'Numeric Result/Finding in Standard Units', type: 'Num' },
];

function vsRows(count: number): Record<string, string | number | null>[] {
  return Array.from({ length: count }, (_, i) => ({
    USUBJID: `SUBJ-${String(i % 50).padStart(3, '0')}`,
    VSSEQ: i + 1,
    VSORRES: String(100 + (i % 40)),
    VSSTRESN: 100 + (i % 40),
  }));
}

describe('writeXpt validation', () => {
  it('lists every metadata problem of a dataset, with paths', () => {
    const error = validationError(() =>
      writeXpt([
        {
          name: 'VITALSIGNS',
          label: 'Vital signs collected at every visit of the study.',
          variables: [
            { name: 'USUBJIDENTIFIER', label: 'Unique Subject Identifier', type: 'Char', length: 20 },
            { name: '1ST', label: 'First', type: 'Char', length: 5 },
            { name: 'VS-X', label: 'Dash', type: 'Char', length: 5 },
            { name: 'VSSEQ', label: 'Sequence Number', type: 'Num' },
            { name: 'vsseq', label: 'Sequence Number again', type: 'Num' },
            {
              name: 'VSTEST',
              label: 'Vital Signs Test Name, as collected on the CRF page',
              type: 'Char',
              length: 40,
            },
            { name: 'VSPOS', label: 'Position of Subject — standing', type: 'Char', length: 8 },
            { name: 'VSORRES', label: 'Result', type: 'Char', length: 250 },
            { name: 'VSSTRESN', label: 'Numeric Result', type: 'Num', length: 9 },
            { name: 'VSLOC', label: 'Location', type: 'Text' as 'Char', length: 10 },
            { name: 'VSDTC', label: 'Date', type: 'Char', length: 10, format: 'DATE9' },
          ],
          rows: [],
        },
      ]),
    );
    expect(error.issues.map((i) => i.path)).toEqual([
      'VITALSIGNS',
      'VITALSIGNS',
      'VITALSIGNS.USUBJIDENTIFIER',
      'VITALSIGNS.1ST',
      'VITALSIGNS.VS-X',
      'VITALSIGNS.vsseq',
      'VITALSIGNS.VSTEST',
      'VITALSIGNS.VSPOS',
      'VITALSIGNS.VSORRES',
      'VITALSIGNS.VSSTRESN',
      'VITALSIGNS.VSLOC',
      'VITALSIGNS.VSDTC',
    ]);
    expect(error.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/dataset name "VITALSIGNS" is 10 characters \(XPT v5 allows at most 8\)/),
      expect.stringMatching(/dataset label is 50 characters \(XPT v5 allows at most 40\)/),
      expect.stringMatching(/variable name "USUBJIDENTIFIER" is 15 characters/),
      expect.stringMatching(/"1ST" is not a SAS name/),
      expect.stringMatching(/"VS-X" is not a SAS name/),
      expect.stringMatching(/variable vsseq appears more than once/),
      expect.stringMatching(/variable label is 51 characters/),
      expect.stringMatching(/variable label contains the non-ASCII character "—" \(U\+2014\) at position 21/),
      expect.stringMatching(/character length 250 is not allowed \(1 to 200 bytes\)/),
      expect.stringMatching(/numeric length 9 is not allowed \(3 to 8\)/),
      expect.stringMatching(/type must be "Char" or "Num", got "Text"/),
      expect.stringMatching(/format "DATE9" is not a SAS format/),
    ]);
    expect(error.message).toContain('VITALSIGNS.VSDTC: format "DATE9" is not a SAS format');
  });

  it('lists every bad value with the path DS.VAR[row], without stopping at the first', () => {
    const rows: Record<string, unknown>[] = vsRows(20);
    rows[3].VSORRES = 'x'.repeat(21);
    rows[5].VSSTRESN = '120';
    rows[6].VSSTRESN = NaN;
    rows[7].VSSTRESN = Infinity;
    rows[8].VSSTRESN = 1e80;
    rows[9].USUBJID = 42;
    rows[10].EXTRA = 'kept nowhere';
    rows[12].VSORRES = '120 ± 5';
    rows[14].VSSEQ = { missing: 'AA' };
    const error = validationError(() =>
      writeXpt([{ name: 'VS', label: 'Vital Signs', variables: VS_VARIABLES, rows: rows as XptRow[] }]),
    );
    expect(error.issues).toEqual([
      { path: 'VS.VSORRES[3]', message: 'value is 21 bytes, longer than the variable length 20' },
      { path: 'VS.VSSTRESN[5]', message: 'expected a number or null, got a string "120"' },
      { path: 'VS.VSSTRESN[6]', message: 'NaN is not a value (use null for a missing value)' },
      {
        path: 'VS.VSSTRESN[7]',
        message: expect.stringMatching(/Infinity cannot be stored as an IBM double/),
      },
      { path: 'VS.VSSTRESN[8]', message: expect.stringMatching(/1e\+80 cannot be stored as an IBM double/) },
      { path: 'VS.USUBJID[9]', message: 'expected a string or null, got number 42' },
      { path: 'VS[10]', message: 'EXTRA is not a variable of VS' },
      {
        path: 'VS.VSORRES[12]',
        message:
          'value contains the non-ASCII character "±" (U+00B1) at position 5 (XPT v5 files must be ASCII)',
      },
      { path: 'VS.VSSEQ[14]', message: 'expected a number or null, got object [object Object]' },
    ]);
  });

  it('measures character lengths from the data when absent, and still refuses values over 200 bytes', () => {
    const variables: SdtmVariable[] = [
      { name: 'A', label: 'a', type: 'Char' },
      { name: 'B', label: 'b', type: 'Char' },
      { name: 'C', label: 'c', type: 'Char' },
    ];
    const rows = [
      { A: 'x', B: null, C: '' },
      { A: 'xyz', B: null, C: '' },
    ];
    const [ds] = readXpt(writeXpt([{ name: 'T', label: 'T', variables, rows }]));
    expect(ds.variables.map((v) => v.length)).toEqual([3, 1, 1]);
    expect(ds.rows).toEqual([
      { A: 'x', B: '', C: '' },
      { A: 'xyz', B: '', C: '' },
    ]);
    const tooLong = validationError(() =>
      writeXpt([
        { name: 'T', label: 'T', variables, rows: [{ A: 'y'.repeat(200) }, { A: 'z'.repeat(201) }] },
      ]),
    );
    expect(tooLong.issues).toEqual([
      {
        path: 'T.A[1]',
        message: 'value is 201 bytes, longer than the variable length 200 (the XPT v5 maximum is 200)',
      },
    ]);
  });

  it('checks options and the library as a whole', () => {
    const ds = { name: 'VS', label: 'Vital Signs', variables: VS_VARIABLES, rows: vsRows(1) };
    const error = validationError(() =>
      writeXpt([ds, ds], {
        created: '2020-08-21',
        modified: new Date(NaN),
        os: 'A VERY LONG OS',
        sasVersion: '9.4',
      }),
    );
    expect(error.issues.map((i) => i.path)).toEqual([
      'options.created',
      'options.modified',
      'options.os',
      'VS',
    ]);
    expect(validationError(() => writeXpt([])).issues).toEqual([
      { path: '(library)', message: 'there is no dataset to write' },
    ]);
  });

  it('caps the number of issues kept, counting the rest', () => {
    const rows = vsRows(25).map((r) => ({ ...r, VSSTRESN: 'bad' }));
    const error = validationError(() =>
      writeXpt([{ name: 'VS', label: 'VS', variables: VS_VARIABLES, rows: rows as XptRow[] }], {
        maxIssues: 10,
      }),
    );
    expect(error.issues).toHaveLength(10);
    expect(error.omitted).toBe(15);
    expect(error.message).toMatch(/25 problems/);
    expect(error.message).toMatch(/… and 15 more/);
  });
});

describe('writeXpt: values, formats and lengths come back as written', () => {
  it('writes special missing values, short numerics and formats', () => {
    const variables: SdtmVariable[] = [
      { name: 'N8', label: 'eight', type: 'Num' },
      { name: 'N4', label: 'four', type: 'Num', length: 4 },
      { name: 'D', label: 'date', type: 'Num', format: 'DATE9.' },
      { name: 'P', label: 'price', type: 'Num', format: '8.2' },
      { name: 'S', label: 'text', type: 'Char', length: 20, format: '$CHAR20.' },
    ];
    const rows: XptRow[] = [
      { N8: specialMissing('A'), N4: 1.1, D: 22_000, P: 3.14, S: '  leading blanks' },
      { N8: specialMissing('_'), N4: null, D: null, P: -0.5, S: null },
      { N8: specialMissing('Z'), N4: 65_535, D: -1, P: 1e-9, S: 'q"uote,comma' },
    ];
    const lib = parseXpt(writeXpt([{ name: 'F', label: 'Formats', variables, rows }]));
    const m = lib.members[0];
    expect(
      m.variables.map((v) => [v.name, v.length, v.format, v.formatLength, v.formatDecimals, v.position]),
    ).toEqual([
      ['N8', 8, '', 0, 0, 0],
      ['N4', 4, '', 0, 0, 8],
      ['D', 8, 'DATE', 9, 0, 12],
      ['P', 8, '', 8, 2, 20],
      ['S', 20, '$CHAR', 20, 0, 28],
    ]);
    // 1.1 in 4 bytes keeps 24 bits of fraction: SAS truncates, so does the writer.
    expect(m.rows.map((r) => r.N4)).toEqual([0x119999 / 2 ** 20, null, 65_535]);
    expect(m.rows.map((r) => r.N8)).toEqual([{ missing: 'A' }, { missing: '_' }, { missing: 'Z' }]);
    expect(m.rows.map((r) => r.S)).toEqual(['  leading blanks', '', 'q"uote,comma']);
    const [ds] = readXpt(writeXpt([{ name: 'F', label: 'Formats', variables, rows }]));
    expect(ds.variables.map((v) => v.format)).toEqual([undefined, undefined, 'DATE9.', '8.2', '$CHAR20.']);
    expect(ds.rows.map((r) => r.N8)).toEqual([null, null, null]);
  });
});

describe('createXptWriter', () => {
  it('requires character lengths up front and checks metadata before touching the sink', () => {
    const target = path.join(tmp, 'never.xpt');
    const error = validationError(() =>
      createXptWriter(
        {
          name: 'VS',
          label: 'Vital Signs',
          variables: [
            { name: 'USUBJID', label: 'Subject', type: 'Char' },
            { name: 'VSORRES', label: 'Result', type: 'Char' },
            { name: 'VSSEQ', label: 'Seq', type: 'Num' },
          ],
        },
        target,
      ),
    );
    expect(error.issues.map((i) => i.path)).toEqual(['VS.USUBJID', 'VS.VSORRES']);
    expect(error.issues[0].message).toMatch(/length is required when streaming/);
    expect(fs.readdirSync(tmp).filter((f) => f.startsWith('never'))).toEqual([]);
  });

  it('collects the problems of all rows, then refuses at end() and leaves no file behind', async () => {
    const target = path.join(tmp, 'vs-invalid.xpt');
    const writer = createXptWriter({ name: 'VS', label: 'Vital Signs', variables: VS_VARIABLES }, target, {
      chunkSize: 256,
    });
    const rows: Record<string, unknown>[] = vsRows(5000);
    rows[12].VSORRES = 'résultat';
    rows[4000].VSSTRESN = 'n/a';
    rows[4999].USUBJID = 'S'.repeat(13);
    for (let i = 0; i < rows.length; i += 100) await writer.writeBatch(rows.slice(i, i + 100) as XptRow[]);
    const error = await rejected(writer.end());
    expect(error).toBeInstanceOf(XptValidationError);
    expect((error as XptValidationError).issues.map((i) => i.path)).toEqual([
      'VS.VSORRES[12]',
      'VS.VSSTRESN[4000]',
      'VS.USUBJID[4999]',
    ]);
    expect(fs.readdirSync(tmp).filter((f) => f.startsWith('vs-invalid'))).toEqual([]);
  });

  it("destroys the caller's stream with the error when rows are invalid", async () => {
    const sink = new PassThrough();
    sink.resume();
    const seen: unknown[] = [];
    sink.on('error', (e) => seen.push(e));
    const writer = createXptWriter({ name: 'VS', label: 'Vital Signs', variables: VS_VARIABLES }, sink);
    await writer.write({ USUBJID: 'S1', VSSEQ: 'one' });
    const error = await rejected(writer.end());
    expect(error).toBeInstanceOf(XptValidationError);
    expect(sink.destroyed).toBe(true);
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual([error]);
  });

  it('keeps memory bounded with a slow sink: it waits for drain instead of buffering', async () => {
    let maxBuffered = 0;
    let received = 0;
    const parts: Buffer[] = [];
    const slow = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _enc, callback) {
        maxBuffered = Math.max(maxBuffered, slow.writableLength);
        received += chunk.length;
        parts.push(chunk);
        setTimeout(callback, 1);
      },
    });
    const chunkSize = 64 * 1024;
    const writer = createXptWriter({ name: 'VS', label: 'Vital Signs', variables: VS_VARIABLES }, slow, {
      chunkSize,
    });
    const rows = vsRows(100_000);
    for (const row of rows) await writer.write(row);
    const summary = await writer.end();
    expect(summary.rows).toBe(100_000);
    expect(received).toBe(summary.bytes);
    // Headers + at most one chunk in flight: the writer never runs ahead of the sink.
    expect(maxBuffered).toBeLessThanOrEqual(chunkSize + 2000);
    expect(readXpt(Buffer.concat(parts))[0].rows).toEqual(rows);
  });

  it('reports an I/O error of the sink (e.g. a missing directory) and leaves nothing', async () => {
    const writer = createXptWriter(
      { name: 'VS', label: 'Vital Signs', variables: VS_VARIABLES },
      path.join(tmp, 'no-such-dir', 'vs.xpt'),
    );
    await writer.writeBatch(vsRows(10)).catch(() => undefined);
    const error = await rejected(writer.end());
    expect((error as NodeJS.ErrnoException).code).toBe('ENOENT');
  });

  it('abort() deletes the unfinished file', async () => {
    const target = path.join(tmp, 'aborted.xpt');
    const writer = createXptWriter({ name: 'VS', label: 'Vital Signs', variables: VS_VARIABLES }, target, {
      chunkSize: 100,
    });
    await writer.writeBatch(vsRows(1000));
    await writer.abort();
    expect(fs.readdirSync(tmp).filter((f) => f.startsWith('aborted'))).toEqual([]);
    await expect(writer.write(vsRows(1)[0])).rejects.toThrow(/after end\(\) or abort\(\)/);
  });
});
