import zlib from 'node:zlib';
import { Zip, ZipDeflate, strFromU8, strToU8, unzipSync, zipSync, type ZipInputFile } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  UnsafeZipError,
  checkZipEntries,
  extractZipSafely,
  listZipEntries,
  type UnsafeZipErrorCode,
} from '../../../../lib/sdtm/export/inspect-zip.ts';
import { UnsafeSpreadsheetError, readXlsxSafely } from '../../../../lib/sdtm/export/read-xlsx-safely.ts';
import { writeXlsx } from '../../../../lib/sdtm/export/write-xlsx.ts';
import { dmDataset } from '../define/study-fixture.ts';

const CONTENT_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const WORKBOOK =
  '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>';

/**
 * A workbook-shaped ZIP whose sheet is `megabytes` MB of "0". Node's native gzip does the deflating (fast) and
 * its trailer gives the CRC-32; the raw DEFLATE body is stored as the sheet entry by fflate's streaming Zip.
 */
function zerosBomb(megabytes: number): Uint8Array {
  const size = megabytes * 1024 * 1024;
  const gz = zlib.gzipSync(Buffer.alloc(size, 0x30), { level: 9 });
  expect(gz[3]).toBe(0); // no optional gzip header fields: the DEFLATE data starts at byte 10
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    chunks.push(data);
  });
  for (const [name, text] of [
    ['[Content_Types].xml', CONTENT_TYPES],
    ['xl/workbook.xml', WORKBOOK],
  ]) {
    const part = new ZipDeflate(name);
    zip.add(part);
    part.push(strToU8(text), true);
  }
  const sheet: ZipInputFile = {
    filename: 'xl/worksheets/sheet1.xml',
    size,
    crc: gz.readUInt32LE(gz.length - 8),
    compression: 8,
  };
  zip.add(sheet);
  sheet.ondata!(null, gz.subarray(10, gz.length - 8), true);
  zip.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

function codeOf(fn: () => unknown): UnsafeZipErrorCode | string {
  try {
    fn();
  } catch (e) {
    if (e instanceof UnsafeZipError || e instanceof UnsafeSpreadsheetError) return e.code;
    throw e;
  }
  return 'accepted';
}

/** Rewrites the declared uncompressed size of an entry, in its local header and central directory record. */
function lieAboutSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const dv = new DataView(out.buffer);
  const entry = listZipEntries(out).find((e) => e.name === name)!;
  dv.setUint32(entry.localHeaderOffset + 22, size, true);
  for (let p = 0; p + 4 <= out.length; p++) {
    if (dv.getUint32(p, true) === 0x02014b50 && dv.getUint32(p + 42, true) === entry.localHeaderOffset) {
      dv.setUint32(p + 24, size, true);
    }
  }
  return out;
}

describe('zip bomb defence', () => {
  it('refuses a 200 MB sheet of zeros from the central directory alone, before inflating it', () => {
    const bomb = zerosBomb(200);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const sheet = listZipEntries(bomb).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    expect(sheet.uncompressedSize).toBe(200 * 1024 * 1024);

    // checkZipEntries reads only the central directory; readXlsxSafely runs it before inflating anything.
    expect(codeOf(() => checkZipEntries(bomb))).toBe('TOO_LARGE_UNCOMPRESSED');
    expect(codeOf(() => readXlsxSafely(bomb))).toBe('TOO_LARGE_UNCOMPRESSED');
    expect(
      codeOf(() => readXlsxSafely(bomb, { limits: { maxTotalUncompressedBytes: 300 * 1024 * 1024 } })),
    ).toBe('COMPRESSION_RATIO');
  });

  it('refuses a high compression ratio even when the total is small', () => {
    expect(codeOf(() => checkZipEntries(zerosBomb(5)))).toBe('COMPRESSION_RATIO');
    // With the ratio check relaxed the same archive extracts (sizes and CRC check out): the limit refused it,
    // and the crafted archive is a genuine one.
    const sheet = extractZipSafely(zerosBomb(5), { maxCompressionRatio: 10_000 }).get(
      'xl/worksheets/sheet1.xml',
    )!;
    expect(sheet.length).toBe(5 * 1024 * 1024);
    expect(sheet.every((b) => b === 0x30)).toBe(true);
  });

  it('stops inflating an entry whose header understates its size', () => {
    const liar = lieAboutSize(zerosBomb(5), 'xl/worksheets/sheet1.xml', 100_000);
    expect(checkZipEntries(liar)).toHaveLength(3);
    expect(codeOf(() => extractZipSafely(liar))).toBe('SIZE_MISMATCH');
    expect(codeOf(() => readXlsxSafely(liar))).toBe('SIZE_MISMATCH');
  });

  it('refuses too many entries, oversized input, encryption and non-ZIP input', () => {
    const many = zipSync(
      Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}.txt`, strToU8('x')])),
    );
    expect(codeOf(() => checkZipEntries(many, { maxEntries: 49 }))).toBe('TOO_MANY_ENTRIES');
    expect(checkZipEntries(many, { maxEntries: 50 })).toHaveLength(50);
    expect(codeOf(() => checkZipEntries(many, { maxInputBytes: 100 }))).toBe('INPUT_TOO_LARGE');

    const encrypted = many.slice();
    const dv = new DataView(encrypted.buffer);
    const first = listZipEntries(encrypted)[0];
    for (let p = 0; p + 4 <= encrypted.length; p++) {
      if (dv.getUint32(p, true) === 0x02014b50 && dv.getUint32(p + 42, true) === first.localHeaderOffset) {
        dv.setUint16(p + 8, dv.getUint16(p + 8, true) | 1, true);
      }
    }
    expect(codeOf(() => checkZipEntries(encrypted))).toBe('ENCRYPTED_ENTRY');

    expect(codeOf(() => readXlsxSafely(strToU8('STUDYID,USUBJID\nX,1\n')))).toBe('NOT_A_ZIP');
    expect(codeOf(() => readXlsxSafely(new Uint8Array(0)))).toBe('NOT_A_ZIP');
  });

  it('refuses entries that share data (overlapping-entry bombs)', () => {
    // a.txt's content is itself a complete local entry for b.txt; b.txt's directory record is then pointed
    // into a.txt's data, so both entries read the same bytes, as in a non-recursive zip bomb.
    const inner = zipSync({ 'b.txt': strToU8('world') }, { level: 0 });
    const innerEntry = listZipEntries(inner)[0];
    const innerLocal = inner.subarray(0, 30 + 'b.txt'.length + innerEntry.compressedSize);
    const zip = zipSync({ 'a.txt': innerLocal, 'b.txt': strToU8('world') }, { level: 0 });
    expect(extractZipSafely(zip).size).toBe(2);
    const [a, b] = listZipEntries(zip);
    const embedded = a.localHeaderOffset + 30 + 'a.txt'.length;
    const overlapping = zip.slice();
    const dv = new DataView(overlapping.buffer);
    for (let p = 0; p + 4 <= overlapping.length; p++) {
      if (dv.getUint32(p, true) === 0x02014b50 && dv.getUint32(p + 42, true) === b.localHeaderOffset) {
        dv.setUint32(p + 42, embedded, true);
      }
    }
    expect(() => extractZipSafely(overlapping)).toThrow(/b\.txt: overlaps the data of a\.txt/);
  });

  it('refuses a directory record whose local header names another file', () => {
    const zip = zipSync({ 'a.txt': strToU8('hello'), 'b.txt': strToU8('hello') }, { level: 0 });
    const [a, b] = listZipEntries(zip);
    const mismatched = zip.slice();
    const dv = new DataView(mismatched.buffer);
    for (let p = 0; p + 4 <= mismatched.length; p++) {
      if (dv.getUint32(p, true) === 0x02014b50 && dv.getUint32(p + 42, true) === b.localHeaderOffset) {
        dv.setUint32(p + 42, a.localHeaderOffset, true);
      }
    }
    expect(() => extractZipSafely(mismatched)).toThrow(/b\.txt: local header names a different file/);
  });

  it('detects corrupted content by CRC', () => {
    const zip = zipSync({ 'a.txt': strToU8('hello world') }, { level: 0 });
    const corrupt = zip.slice();
    const at = strFromU8(zip, true).indexOf('hello');
    corrupt[at] = 'j'.charCodeAt(0);
    expect(codeOf(() => extractZipSafely(corrupt))).toBe('CORRUPT');
    expect(strFromU8(extractZipSafely(zip).get('a.txt')!)).toBe('hello world');
  });
});

describe('readXlsxSafely', () => {
  it('reads a genuine workbook', () => {
    const wb = readXlsxSafely(writeXlsx([dmDataset()]));
    expect(wb.SheetNames).toEqual(['DM', 'Variables', 'Issues']);
    expect(wb.Sheets.DM.D2).toMatchObject({ t: 's', v: '0012' });
  });

  it('refuses ZIPs that are not XLSX workbooks', () => {
    const notXlsx = zipSync({ 'content.xml': strToU8('<office:document-content/>'), mimetype: strToU8('x') });
    expect(codeOf(() => readXlsxSafely(notXlsx))).toBe('NOT_XLSX');
  });

  it('refuses prototype-polluting keys (CVE-2023-30533), also when written as character references', () => {
    const parts = unzipSync(writeXlsx([dmDataset()]));
    const comments = strFromU8(parts['xl/comments1.xml']);
    for (const ref of ['__proto__', '&#95;&#95;proto&#95;&#95;', '&#x5f;_proto__', 'constructor']) {
      const evil = zipSync({
        ...parts,
        'xl/comments1.xml': strToU8(comments.replace('ref="A1"', `ref="${ref}"`)),
      });
      expect(
        codeOf(() => readXlsxSafely(evil)),
        ref,
      ).toBe('UNSAFE_CONTENT');
    }
    expect(({} as Record<string, unknown>).c).toBeUndefined();
  });

  it('refuses a DTD (entity expansion)', () => {
    const parts = unzipSync(writeXlsx([dmDataset()]));
    const workbook = strFromU8(parts['xl/workbook.xml']).replace(
      '?>',
      '?><!DOCTYPE workbook [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>',
    );
    expect(codeOf(() => readXlsxSafely(zipSync({ ...parts, 'xl/workbook.xml': strToU8(workbook) })))).toBe(
      'UNSAFE_CONTENT',
    );
  });
});
