// @needs-shared: reads ../shared/reference or ../shared/corpus (see vitest.config.ts).
/**
 * Writes every SAS-written reference sample back from what readXpt decoded and compares bytes with the
 * original, with the in-memory writer and with the streaming writer.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { SdtmDataset } from '../../../../lib/sdtm/dataset.ts';
import { writeCsv } from '../../../../lib/sdtm/csv/write-csv.ts';
import { parseXpt, readXpt } from '../../../../lib/sdtm/xpt/read-xpt.ts';
import { createXptWriter, writeXpt } from '../../../../lib/sdtm/xpt/write-xpt.ts';

const SAMPLES = path.resolve(
  import.meta.dirname,
  '../../../../../shared/reference/xpt-samples/cdiscpilot01-msg2',
);
const files = fs
  .readdirSync(SAMPLES)
  .filter((f) => f.endsWith('.xpt'))
  .sort();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xpt-roundtrip-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Byte ranges of the header fields that depend on who wrote the file and when (0-based, end exclusive). */
function writerDependentRanges(): [number, number, string][] {
  return [
    [104, 112, 'library header: SAS version'],
    [112, 120, 'library header: operating system'],
    [144, 160, 'library header: created'],
    [160, 176, 'library header: modified'],
    [424, 432, 'member header: SAS version'],
    [432, 440, 'member header: operating system'],
    [464, 480, 'member header: created'],
    [480, 496, 'member header: modified'],
  ];
}

function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return -1;
}

// The submission package takes the writers as parameters with these shapes (lib/sdtm/export/write-package.ts).
const asPackageXptWriter: (datasets: SdtmDataset[]) => Uint8Array = writeXpt;
const asPackageCsvWriter: (dataset: SdtmDataset) => string | Uint8Array = writeCsv;

describe('writeXpt reproduces the SAS-written samples', () => {
  it('fits the writer parameters of the submission package', () => {
    const [dm] = readXpt(fs.readFileSync(path.join(SAMPLES, 'dm.xpt')));
    expect(readXpt(asPackageXptWriter([dm]))).toEqual([dm]);
    expect(asPackageCsvWriter(dm)).toMatch(/^STUDYID,DOMAIN,USUBJID,/);
  });

  for (const file of files) {
    it(`${file}: byte-identical when given the sample's header strings`, () => {
      const original = fs.readFileSync(path.join(SAMPLES, file));
      const { library } = parseXpt(original);
      // The header strings name the writer (SAS release, host OS) and the time it ran: they are inputs,
      // not data, so we pass the sample's. Everything else is derived from the decoded datasets.
      const written = writeXpt(readXpt(original), {
        created: library.created,
        modified: library.modified,
        sasVersion: library.version,
        os: library.os,
      });
      expect(firstDifference(written, original)).toBe(-1);
      expect(written.length).toBe(original.length);
    });

    it(`${file}: with default options only the version, OS and timestamp fields differ`, () => {
      const original = fs.readFileSync(path.join(SAMPLES, file));
      const written = Buffer.from(writeXpt(readXpt(original), { created: new Date(2031, 0, 2, 3, 4, 5) }));
      expect(written.length).toBe(original.length);
      const masked = Buffer.from(original);
      for (const [start, end, what] of writerDependentRanges()) {
        expect(written.toString('latin1', start, end).trimEnd(), what).toMatch(
          /^(9\.4|IMAGEHR|02JAN31:03:04:05)$/,
        );
        written.copy(masked, start, start, end);
      }
      expect(firstDifference(written, masked)).toBe(-1);
    });
  }

  it('streams every sample to the same bytes, through a Writable and to a file', async () => {
    for (const file of files) {
      const original = fs.readFileSync(path.join(SAMPLES, file));
      const { library } = parseXpt(original);
      const [ds] = readXpt(original);
      const options = {
        created: library.created,
        sasVersion: library.version,
        os: library.os,
        chunkSize: 1000,
      };
      const stream = new PassThrough();
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      const writer = createXptWriter(ds, stream, options);
      for (const row of ds.rows) await writer.write(row);
      const summary = await writer.end();
      expect(firstDifference(Buffer.concat(chunks), original), file).toBe(-1);
      expect(summary).toEqual({ rows: ds.rows.length, bytes: original.length });

      const target = path.join(tmp, file);
      const toFile = createXptWriter(ds, target, { ...options, chunkSize: 1 << 16 });
      await toFile.writeBatch(ds.rows);
      await toFile.end();
      expect(firstDifference(fs.readFileSync(target), original), file).toBe(-1);
    }
    expect(fs.readdirSync(tmp).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });
});
