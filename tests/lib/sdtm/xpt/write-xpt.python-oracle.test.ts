// @needs-shared: reads ../shared/reference or ../shared/corpus (see vitest.config.ts).
/**
 * Files written by writeXpt and createXptWriter are read by an independent Python reader
 * (tests/fixtures/xpt/read_xpt.py, standard library only, written from TS-140) and must give back exactly
 * the data that went in: names, labels, types, lengths, positions, every value bit for bit.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SdtmVariable } from '../../../../lib/sdtm/dataset.ts';
import { readXpt } from '../../../../lib/sdtm/xpt/read-xpt.ts';
import {
  specialMissing,
  type SasSpecialMissingCode,
  type XptValue,
} from '../../../../lib/sdtm/xpt/sas-missing.ts';
import { createXptWriter, writeXpt, type XptWritableDataset } from '../../../../lib/sdtm/xpt/write-xpt.ts';

const READER = path.resolve(import.meta.dirname, '../../../fixtures/xpt/read_xpt.py');
const SAMPLES = path.resolve(
  import.meta.dirname,
  '../../../../../shared/reference/xpt-samples/cdiscpilot01-msg2',
);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xpt-python-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface PyMember {
  name: string;
  label: string;
  created: string;
  variables: {
    name: string;
    label: string;
    type: string;
    length: number;
    position: number;
    varnum: number;
  }[];
  rows: Record<string, XptValue>[];
}

function python(file: string): { library: Record<string, string>; members: PyMember[] } {
  return JSON.parse(execFileSync('python3', [READER, file], { encoding: 'utf8', maxBuffer: 1 << 28 }));
}

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A dataset exercising the edges: all kinds of numbers, every missing value, blanks, quotes, 200 bytes. */
function edgeDataset(count: number): XptWritableDataset {
  const random = rng(5);
  const variables: SdtmVariable[] = [
    { name: 'STUDYID', label: 'Study Identifier', type: 'Char', length: 12 },
    { name: 'SEQ', label: 'Sequence Number', type: 'Num' },
    { name: 'NUM', label: 'A number of any kind', type: 'Num' },
    { name: 'TEXT', label: 'Free text, up to 200 bytes', type: 'Char', length: 200 },
    { name: '_FLAG', label: 'One character', type: 'Char', length: 1 },
    { name: 'Z9', label: '', type: 'Num' },
  ];
  const specials = [
    1,
    -1,
    0,
    0.1,
    -0.1,
    1 / 3,
    Math.PI,
    1e-5,
    123456789.123,
    2 ** 53 - 1,
    -(2 ** 53),
    1e75,
    7.2e75,
    -7.2e75,
    1e-78,
    5.4e-79,
    16 ** -65,
    Number.EPSILON,
    0.30000000000000004,
    86_400,
    -2_147_483_648,
  ];
  const texts = [
    '',
    ' ',
    '  leading',
    'trailing  ',
    'q"uote',
    "it's",
    'a,b;c',
    '\t tab',
    '~!@#$%^&*()_+{}|:<>?',
    'x'.repeat(200),
  ];
  const rows = Array.from({ length: count }, (_, i) => {
    let num: XptValue;
    const pick = random();
    if (i < specials.length) num = specials[i];
    else if (pick < 0.05) num = null;
    else if (pick < 0.1)
      num = specialMissing('_ABCDEFGHIJKLMNOPQRSTUVWXYZ'[Math.floor(random() * 27)] as SasSpecialMissingCode);
    else if (pick < 0.4) num = Math.round((random() - 0.5) * 1e6);
    else if (pick < 0.7) num = Math.round((random() - 0.5) * 1e6) / 100;
    else num = (random() - 0.5) * 10 ** Math.floor(random() * 140 - 70);
    return {
      STUDYID: 'IMAGEHR-01',
      SEQ: i + 1,
      NUM: num,
      TEXT: texts[i % texts.length],
      _FLAG: i % 3 === 0 ? 'Y' : i % 3 === 1 ? 'N' : null,
      Z9: i % 7 === 0 ? null : -i,
    };
  });
  return { name: 'EDGE', label: 'Edge cases for the XPT writer', variables, rows };
}

/** What a reader must give back: char values right-trimmed (null -> ''), -0 -> 0, the rest unchanged. */
function expectedRows(ds: XptWritableDataset): Record<string, XptValue>[] {
  return ds.rows.map((row) =>
    Object.fromEntries(
      ds.variables.map((v) => {
        const value = row[v.name] ?? null;
        if (v.type === 'Char') return [v.name, String(value ?? '').replace(/ +$/, '')];
        return [v.name, value === 0 ? 0 : value];
      }),
    ),
  );
}

/** Same rows, same keys, every value identical (Object.is for numbers: bit for bit, -0 apart). */
function expectSameRows(got: Record<string, XptValue>[], want: Record<string, XptValue>[]): void {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    if (Object.keys(got[i]).join() !== Object.keys(want[i]).join())
      throw new Error(`row ${i}: other variables`);
    for (const key of Object.keys(want[i])) {
      const a = got[i][key];
      const b = want[i][key];
      const same =
        typeof b === 'object' && b !== null ? JSON.stringify(a) === JSON.stringify(b) : Object.is(a, b);
      if (!same)
        throw new Error(`row ${i} ${key}: python read ${JSON.stringify(a)}, wrote ${JSON.stringify(b)}`);
    }
  }
}

describe('the independent Python reader reads what the TS writers write', () => {
  it('python3 is available', () => {
    expect(execFileSync('python3', ['--version'], { encoding: 'utf8' })).toMatch(/^Python 3\./);
  });

  it('writeXpt: edge values, every missing value, several members', () => {
    const edge = edgeDataset(3000);
    const [dm] = readXpt(fs.readFileSync(path.join(SAMPLES, 'dm.xpt')));
    const file = path.join(tmp, 'edge.xpt');
    fs.writeFileSync(file, writeXpt([edge, dm], { created: new Date(2024, 1, 29, 23, 59, 58) }));
    const out = python(file);
    expect(out.library).toMatchObject({ sas: 'SAS', saslib: 'SASLIB', version: '9.4', os: 'IMAGEHR' });
    expect(out.library.created).toBe('29FEB24:23:59:58');
    expect(out.members.map((m) => [m.name, m.label, m.created])).toEqual([
      ['EDGE', 'Edge cases for the XPT writer', '29FEB24:23:59:58'],
      ['DM', 'Demographics', '29FEB24:23:59:58'],
    ]);
    let position = 0;
    expect(out.members[0].variables).toEqual(
      edge.variables.map((v, i) => {
        const length = v.length ?? 8;
        position += length;
        return expect.objectContaining({
          name: v.name,
          label: v.label,
          type: v.type,
          length,
          varnum: i + 1,
          position: position - length,
        });
      }),
    );
    expectSameRows(out.members[0].rows, expectedRows(edge));
    expect(out.members[1].rows).toEqual(dm.rows);
  });

  it('createXptWriter: a streamed file of 20,000 rows', async () => {
    const edge = edgeDataset(20_000);
    const file = path.join(tmp, 'streamed.xpt');
    const writer = createXptWriter(edge, file, { chunkSize: 4096 });
    for (let i = 0; i < edge.rows.length; i += 333) await writer.writeBatch(edge.rows.slice(i, i + 333));
    await writer.end();
    const out = python(file);
    expect(out.members).toHaveLength(1);
    expectSameRows(out.members[0].rows, expectedRows(edge));
  });

  it('agrees with the golden JSON of every SAS-written sample (so the oracle itself is right)', () => {
    const files = fs.readdirSync(SAMPLES).filter((x) => x.endsWith('.xpt'));
    const out = JSON.parse(
      execFileSync('python3', [READER, ...files.map((f) => path.join(SAMPLES, f))], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      }),
    ) as { members: PyMember[] }[];
    expect(out).toHaveLength(20);
    files.forEach((f, i) => {
      const golden = JSON.parse(
        fs.readFileSync(path.join(SAMPLES, 'expected', f.replace('.xpt', '.json')), 'utf8'),
      );
      expect(out[i].members[0].rows, f).toEqual(golden.rows);
    });
  });

  it('rejects a truncated file, so a broken writer could not pass unnoticed', () => {
    const file = path.join(tmp, 'cut.xpt');
    fs.writeFileSync(file, fs.readFileSync(path.join(SAMPLES, 'dm.xpt')).subarray(0, 5000));
    expect(() => execFileSync('python3', [READER, file], { stdio: 'pipe' })).toThrow(
      /not a valid XPORT v5 file/,
    );
  });
});
