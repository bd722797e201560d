// @needs-shared: reads ../shared/reference or ../shared/corpus (see vitest.config.ts).
/**
 * SDTM CSV writer: RFC 4180 quoting, header in variable order, plain-decimal numbers, typed errors, and a
 * streaming writer that gives the same bytes as the in-memory one while respecting backpressure.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { SdtmDataset } from '../../../../lib/sdtm/dataset.ts';
import { readCsv } from '../../../../lib/sdtm/csv/read-csv.ts';
import {
  createCsvWriter,
  CsvValueError,
  formatCsvNumber,
  writeCsv,
} from '../../../../lib/sdtm/csv/write-csv.ts';
import { readXpt } from '../../../../lib/sdtm/xpt/read-xpt.ts';

const SAMPLES = path.resolve(
  import.meta.dirname,
  '../../../../../shared/reference/xpt-samples/cdiscpilot01-msg2',
);
const samples = fs
  .readdirSync(SAMPLES)
  .filter((f) => f.endsWith('.xpt'))
  .sort()
  .map((f) => readXpt(fs.readFileSync(path.join(SAMPLES, f)))[0]);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'csv-write-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const small: SdtmDataset = {
  name: 'VS',
  label: 'Vital Signs',
  variables: [
    { name: 'USUBJID', label: 'Subject', type: 'Char' },
    { name: 'VSSEQ', label: 'Seq', type: 'Num' },
    { name: 'VSORRES', label: 'Result', type: 'Char' },
    { name: 'VSSTRESN', label: 'Numeric', type: 'Num' },
  ],
  rows: [
    { VSSTRESN: 120, VSORRES: '120', VSSEQ: 1, USUBJID: '01-701-1015' },
    { USUBJID: 'a,b', VSSEQ: 2, VSORRES: 'say "hi"', VSSTRESN: null },
    { USUBJID: ' padded ', VSSEQ: 3, VSORRES: 'two\r\nlines', VSSTRESN: 1e-7 },
    { USUBJID: '', VSSEQ: 4, VSORRES: 'lf\nonly', VSSTRESN: -2.5e21 },
  ],
};

describe('writeCsv', () => {
  it('writes RFC 4180 with the header in variable order, CRLF line ends and quoting only where needed', () => {
    expect(writeCsv(small)).toBe(
      'USUBJID,VSSEQ,VSORRES,VSSTRESN\r\n' +
        '01-701-1015,1,120,120\r\n' +
        '"a,b",2,"say ""hi""",\r\n' +
        ' padded ,3,"two\r\nlines",0.0000001\r\n' +
        ',4,"lf\nonly",-2500000000000000000000\r\n',
    );
    expect(writeCsv(small, { eol: '\n' }).split('\n')[0]).toBe('USUBJID,VSSEQ,VSORRES,VSSTRESN');
  });

  it('writes numbers in plain decimal, shortest digits, never an exponent', () => {
    expect(
      [0, -0, 71, -7, 0.5, 1e21, 1e-7, 123.456, 0.1 + 0.2, 2 ** 53, 5e-324].map(formatCsvNumber),
    ).toEqual([
      '0',
      '0',
      '71',
      '-7',
      '0.5',
      '1000000000000000000000',
      '0.0000001',
      '123.456',
      '0.30000000000000004',
      '9007199254740992',
      `0.${'0'.repeat(323)}5`,
    ]);
    const random = rng(1);
    const view = new DataView(new ArrayBuffer(8));
    for (let i = 0; i < 50_000; i++) {
      view.setUint32(0, Math.floor(random() * 2 ** 32));
      view.setUint32(4, Math.floor(random() * 2 ** 32));
      const x = view.getFloat64(0);
      if (!Number.isFinite(x)) continue;
      const text = formatCsvNumber(x);
      if (!/^-?\d+(\.\d+)?$/.test(text) || Number(text) !== (x === 0 ? 0 : x)) {
        throw new Error(`${x} written as ${text}`);
      }
    }
  });

  it('refuses values a CSV cannot hold, naming the path', () => {
    const bad = (value: unknown) => () =>
      writeCsv({ ...small, rows: [small.rows[0], { ...small.rows[1], VSSTRESN: value as number }] });
    expect(bad(NaN)).toThrow(CsvValueError);
    expect(bad(NaN)).toThrow('VS.VSSTRESN[1]: NaN is not a value (use null)');
    expect(bad(Infinity)).toThrow(/VS.VSSTRESN\[1\]: Infinity/);
    expect(bad({ missing: 'A' })).toThrow(
      /VS.VSSTRESN\[1\]: expected a string, a number or null, got object/,
    );
  });

  it('round-trips every reference sample through readCsv with the dataset metadata', () => {
    for (const ds of samples) {
      const back = readCsv(writeCsv(ds), { name: ds.name, label: ds.label, variables: ds.variables });
      expect(back.variables, ds.name).toEqual(ds.variables);
      expect(back.rows, ds.name).toEqual(ds.rows);
    }
  });
});

describe('createCsvWriter', () => {
  it('streams the same bytes as writeCsv, to a Writable and to a file', async () => {
    for (const ds of samples) {
      const sink = new PassThrough();
      const parts: Buffer[] = [];
      sink.on('data', (c: Buffer) => parts.push(c));
      const writer = createCsvWriter(ds, sink, { chunkSize: 512 });
      for (const row of ds.rows) await writer.write(row);
      const summary = await writer.end();
      const expected = writeCsv(ds);
      expect(Buffer.concat(parts).toString('utf8'), ds.name).toBe(expected);
      expect(summary).toEqual({ rows: ds.rows.length, bytes: Buffer.byteLength(expected) });

      const file = path.join(tmp, `${ds.name}.csv`);
      const toFile = createCsvWriter(ds, file);
      await toFile.writeBatch(ds.rows);
      await toFile.end();
      expect(fs.readFileSync(file, 'utf8'), ds.name).toBe(expected);
    }
  });

  it('waits for a slow sink instead of buffering', async () => {
    let maxBuffered = 0;
    const slow = new Writable({
      highWaterMark: 8 * 1024,
      write(_chunk, _enc, callback) {
        maxBuffered = Math.max(maxBuffered, slow.writableLength);
        setTimeout(callback, 1);
      },
    });
    const writer = createCsvWriter(small, slow, { chunkSize: 16 * 1024 });
    const rows = Array.from({ length: 50_000 }, (_, i) => ({
      USUBJID: `S${i}`,
      VSSEQ: i,
      VSORRES: 'x',
      VSSTRESN: i / 3,
    }));
    await writer.writeBatch(rows);
    await writer.end();
    expect(maxBuffered).toBeLessThanOrEqual(3 * 16 * 1024); // one chunk of UTF-16 length ≤ 3 bytes/char
  });

  it('abandons the file when a row cannot be written', async () => {
    const file = path.join(tmp, 'bad.csv');
    const writer = createCsvWriter(small, file, { chunkSize: 10 });
    await writer.writeBatch(small.rows);
    await expect(writer.write({ ...small.rows[0], VSSTRESN: NaN })).rejects.toThrow(CsvValueError);
    await expect(writer.end()).rejects.toThrow(/end\(\) called twice or after abort\(\)/);
    expect(fs.readdirSync(tmp).filter((f) => f.startsWith('bad.csv'))).toEqual([]);
  });
});
