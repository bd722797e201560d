// @needs-shared: reads ../shared/reference or ../shared/corpus (see vitest.config.ts).
/**
 * readXpt on bad input: empty, random, text, truncated, other SAS formats, corrupt headers and fuzzed
 * files must raise XptFormatError (with an offset), never another error; and on odd but valid input
 * (several members, VAX/VMS 136-byte NAMESTRs, short records) it must read what is there.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseXpt, readXpt } from '../../../../lib/sdtm/xpt/read-xpt.ts';
import { writeXpt } from '../../../../lib/sdtm/xpt/write-xpt.ts';
import { XptFormatError } from '../../../../lib/sdtm/xpt/xpt-errors.ts';

const SAMPLES = path.resolve(
  import.meta.dirname,
  '../../../../../shared/reference/xpt-samples/cdiscpilot01-msg2',
);
const dm = fs.readFileSync(path.join(SAMPLES, 'dm.xpt'));
const dmRows = readXpt(dm)[0].rows;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xpt-bad-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The XptFormatError raised by readXpt(bytes); fails the test if it succeeds or throws anything else. */
function formatError(bytes: Uint8Array): XptFormatError {
  try {
    readXpt(bytes);
  } catch (error) {
    if (error instanceof XptFormatError) return error;
    throw new Error(`expected XptFormatError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected XptFormatError, but the input was read');
}

describe('readXpt rejects what is not an XPORT v5 file', () => {
  it('an empty file', () => {
    const error = formatError(new Uint8Array(0));
    expect(error.message).toMatch(/empty file/);
    expect(error.offset).toBe(0);
  });

  it('random bytes of many lengths', () => {
    const random = rng(7);
    for (const length of [1, 10, 79, 80, 81, 240, 1000, 4096, 100_000]) {
      const bytes = Uint8Array.from({ length }, () => Math.floor(random() * 256));
      expect(formatError(bytes).message).toMatch(/not a SAS XPORT file/);
    }
  });

  it('something that is not bytes at all', () => {
    expect(() => readXpt('HEADER RECORD' as unknown as Uint8Array)).toThrow(XptFormatError);
  });

  it('a text file renamed .xpt', () => {
    const file = path.join(tmp, 'notes.xpt');
    fs.writeFileSync(file, 'USUBJID,AGE\nCDISC001,54\nCDISC002,61\n'.repeat(40));
    const error = formatError(fs.readFileSync(file));
    expect(error.message).toMatch(/not a SAS XPORT file: the library header record is missing/);
    expect(error.offset).toBe(0);
  });

  it('SAS XPORT version 8 and CPORT files, by name', () => {
    const v8 = Buffer.from(dm);
    v8.write('LIBV8  ', 20, 'latin1');
    expect(formatError(v8).message).toMatch(/version 8/);
    const cport = Buffer.concat([
      Buffer.from('**COMPRESSED** **COMPRESSED** **COMPRESSED**'),
      Buffer.alloc(200),
    ]);
    expect(formatError(cport).message).toMatch(/CPORT/);
  });

  it('a file truncated at any byte: XptFormatError, or (at a record boundary in the data) a prefix of the rows', () => {
    let errors = 0;
    let prefixes = 0;
    for (let length = 1; length < dm.length; length++) {
      const cut = dm.subarray(0, length);
      let rows;
      try {
        rows = readXpt(cut)[0].rows;
      } catch (error) {
        if (!(error instanceof XptFormatError))
          throw new Error(`length ${length}: ${String(error)}`, { cause: error });
        expect(error.offset).toBeGreaterThanOrEqual(0);
        expect(error.offset).toBeLessThanOrEqual(length);
        errors++;
        continue;
      }
      // No row count in XPORT: a cut exactly between records can only be noticed when a row is cut.
      expect(length % 80).toBe(0);
      expect(rows.length).toBeLessThan(dmRows.length);
      expect(rows).toEqual(dmRows.slice(0, rows.length));
      prefixes++;
    }
    expect(errors).toBeGreaterThan(dm.length - dm.length / 80);
    expect(prefixes).toBeGreaterThan(0);
  });

  it('names the problem for a truncation inside the headers and inside an observation', () => {
    expect(formatError(dm.subarray(0, 200)).message).toMatch(
      /truncated file: 200 bytes, the library header alone needs 240/,
    );
    expect(formatError(dm.subarray(0, 240)).message).toMatch(/no member after the library header/);
    expect(formatError(dm.subarray(0, 700)).message).toMatch(
      /truncated file: member DM declares 26 variables/,
    );
    const partial = formatError(dm.subarray(0, 13_000));
    expect(partial.message).toMatch(/not a multiple of 80/);
    expect(partial.offset).toBe(13_000);
  });

  it('corrupt headers and NAMESTRs, each named with its offset', () => {
    const corrupt = (offset: number, text: string | number[]) => {
      const bytes = Buffer.from(dm);
      if (typeof text === 'string') bytes.write(text, offset, 'latin1');
      else bytes.set(text, offset);
      return formatError(bytes);
    };
    expect(corrupt(96, 'NOTALIB ')).toMatchObject({
      offset: 80,
      message: expect.stringMatching(/bad library header/),
    });
    expect(corrupt(240 + 20, 'MEMBAR')).toMatchObject({
      offset: 240,
      message: expect.stringMatching(/MEMBER header/),
    });
    expect(corrupt(240 + 74, '0999')).toMatchObject({
      offset: 314,
      message: expect.stringMatching(/NAMESTR length "0999"/),
    });
    expect(corrupt(560 + 54, '00x6')).toMatchObject({
      message: expect.stringMatching(/variable count "00x6"/),
    });
    expect(corrupt(640, [0, 3])).toMatchObject({ offset: 640, message: expect.stringMatching(/type 3/) });
    expect(corrupt(640 + 4, [0, 0])).toMatchObject({
      offset: 644,
      message: expect.stringMatching(/length 0/),
    });
    expect(corrupt(640 + 84, [0, 0, 9, 0])).toMatchObject({
      message: expect.stringMatching(/exceeds the record length/),
    });
    expect(corrupt(640 + 140 + 8, 'STUDYID ')).toMatchObject({
      message: expect.stringMatching(/appears twice/),
    });
    // 26 NAMESTRs = 3640 bytes = 46 records after the NAMESTR header at 560; the OBS header follows.
    expect(corrupt(640 + 46 * 80 + 20, 'XXX')).toMatchObject({
      message: expect.stringMatching(/OBS header/),
    });
  });

  it('fuzzed copies of a real file: XptFormatError or a successful read, nothing else', () => {
    const random = rng(11);
    let failures = 0;
    for (let i = 0; i < 3000; i++) {
      const bytes = Buffer.from(dm);
      const flips = 1 + Math.floor(random() * 4);
      for (let k = 0; k < flips; k++) {
        // Mostly the headers and NAMESTRs (first 4320 bytes), sometimes the data.
        const at = Math.floor(random() * (random() < 0.8 ? 4320 : bytes.length));
        bytes[at] = Math.floor(random() * 256);
      }
      const cut = random() < 0.2 ? Math.floor(random() * bytes.length) : bytes.length;
      try {
        readXpt(bytes.subarray(0, cut));
      } catch (error) {
        if (!(error instanceof XptFormatError))
          throw new Error(`fuzz case ${i}: ${String(error)}`, { cause: error });
        failures++;
      }
    }
    expect(failures).toBeGreaterThan(100);
  });
});

describe('readXpt on unusual valid files', () => {
  it('reads a library with several members', () => {
    const vs = fs.readFileSync(path.join(SAMPLES, 'vs.xpt'));
    const datasets = [readXpt(dm)[0], readXpt(vs)[0]];
    const both = writeXpt(datasets);
    expect(readXpt(both)).toEqual(datasets);
  });

  it('reads the VAX/VMS variant with 136-byte NAMESTR records', () => {
    const lib = parseXpt(dm);
    const nvars = lib.members[0].variables.length;
    const nsStart = 640;
    const obsHeader = nsStart + Math.ceil((nvars * 140) / 80) * 80;
    const vms: Buffer[] = [Buffer.from(dm.subarray(0, nsStart))];
    vms[0].write('0136', 240 + 74, 'latin1');
    const block = Buffer.concat(
      Array.from({ length: nvars }, (_, i) => dm.subarray(nsStart + i * 140, nsStart + i * 140 + 136)),
    );
    const padded = Buffer.alloc(Math.ceil(block.length / 80) * 80, 0x20);
    block.copy(padded);
    vms.push(padded, dm.subarray(obsHeader));
    const read = parseXpt(Buffer.concat(vms));
    expect(read.members[0].namestrLength).toBe(136);
    expect(read.members[0].variables).toEqual(lib.members[0].variables);
    expect(read.members[0].rows).toEqual(lib.members[0].rows);
  });

  it('reads zero observations and tells rows from padding in short records', () => {
    const variables = [{ name: 'A', label: 'a', type: 'Char' as const, length: 3 }];
    expect(readXpt(writeXpt([{ name: 'X', label: '', variables, rows: [] }]))[0].rows).toEqual([]);
    const rows = [{ A: 'a' }, { A: '' }, { A: 'c' }];
    expect(readXpt(writeXpt([{ name: 'X', label: '', variables, rows }]))[0].rows).toEqual(rows);
    const numeric = [{ name: 'N', label: 'n', type: 'Num' as const }];
    const numbers = Array.from({ length: 11 }, (_, i) => ({ N: i === 10 ? null : i }));
    expect(readXpt(writeXpt([{ name: 'Y', label: '', variables: numeric, rows: numbers }]))[0].rows).toEqual(
      numbers,
    );
  });

  it('decodes non-ASCII text as UTF-8 when valid, else Windows-1252, or as told', () => {
    const variables = [{ name: 'T', label: 'text', type: 'Char' as const, length: 12 }];
    const file = Buffer.from(writeXpt([{ name: 'X', label: '', variables, rows: [{ T: '#'.repeat(12) }] }]));
    const at = file.indexOf('#'.repeat(12));
    const withValue = (bytes: number[]) => {
      const copy = Buffer.from(file);
      copy.fill(0x20, at, at + 12);
      copy.set(bytes, at);
      return copy;
    };
    const utf8 = withValue([...Buffer.from('café ±5', 'utf8')]);
    const cp1252 = withValue([0x41, 0x6c, 0x7a, 0x92, 0x73, 0x20, 0x80, 0x35]); // Alz’s €5
    expect(readXpt(utf8)[0].rows).toEqual([{ T: 'café ±5' }]);
    expect(readXpt(cp1252)[0].rows).toEqual([{ T: 'Alz’s €5' }]);
    expect(readXpt(utf8, { encoding: 'windows-1252' })[0].rows).toEqual([{ T: 'cafÃ© Â±5' }]);
    expect(readXpt(cp1252, { encoding: 'latin1' })[0].rows).toEqual([{ T: 'Alz’s €5' }]);
    expect(readXpt(cp1252, { encoding: 'utf-8' })[0].rows).toEqual([{ T: 'Alz\uFFFDs \uFFFD5' }]);
  });

  it('drops a trailing all-blank row of a short all-character record: the format cannot tell it from padding', () => {
    const variables = [{ name: 'A', label: 'a', type: 'Char' as const, length: 3 }];
    const rows = [{ A: 'a' }, { A: '' }];
    expect(readXpt(writeXpt([{ name: 'X', label: '', variables, rows }]))[0].rows).toEqual([{ A: 'a' }]);
  });
});
