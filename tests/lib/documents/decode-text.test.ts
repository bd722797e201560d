import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../lib/documents/decode-text.ts';
import { DocumentReadError } from '../../../lib/documents/document-read-error.ts';
import { binaryJunk } from '../../fixtures/documents/fixtures.ts';

const NOTE = 'Temp 38.6 °C — “afebrile” per café nurse; dose ½ tab.\r\nPlan: reassess.';
const limit = { maxBytes: 1024 * 1024 };

function errorOf(fn: () => unknown): DocumentReadError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DocumentReadError) return error;
    throw error;
  }
  throw new Error('expected a DocumentReadError');
}

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM, dropping the BOM', () => {
    expect(decodeText(Buffer.from(NOTE, 'utf8'), limit)).toEqual({ text: NOTE, encoding: 'UTF-8' });
    expect(decodeText(Buffer.from(`\ufeff${NOTE}`, 'utf8'), limit)).toEqual({
      text: NOTE,
      encoding: 'UTF-8',
    });
  });

  it('reads UTF-16 in both byte orders, with a BOM and (little-endian) without', () => {
    expect(decodeText(iconv.encode(NOTE, 'utf16le', { addBOM: true }), limit)).toEqual({
      text: NOTE,
      encoding: 'UTF-16LE',
    });
    expect(decodeText(iconv.encode(NOTE, 'utf16be', { addBOM: true }), limit)).toEqual({
      text: NOTE,
      encoding: 'UTF-16BE',
    });
    expect(decodeText(Buffer.from(NOTE, 'utf16le'), limit)).toEqual({ text: NOTE, encoding: 'UTF-16LE' });
  });

  it('reads windows-1252 (curly quotes, dashes, euro) and Latin-1', () => {
    const cp1252 = 'Patient said “no pain” – copay €20, café';
    expect(decodeText(iconv.encode(cp1252, 'windows-1252'), limit)).toEqual({
      text: cp1252,
      encoding: 'windows-1252',
    });
    const latin1 = 'Temperature 38,6 °C; señora Müller, café, ½ tablet.';
    expect(decodeText(iconv.encode(latin1, 'latin1'), limit)).toEqual({
      text: latin1,
      encoding: 'ISO-8859-1',
    });
  });

  it('rejects binary junk, NUL bytes and control characters as NOT_TEXT', () => {
    expect(errorOf(() => decodeText(binaryJunk(2048), limit)).code).toBe('NOT_TEXT');
    expect(errorOf(() => decodeText(Buffer.from('Blood pressure\0 120/80'), limit)).code).toBe('NOT_TEXT');
    const controls = Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 10 === 0 ? 0x07 : 0x61)));
    expect(errorOf(() => decodeText(controls, limit)).code).toBe('NOT_TEXT');
  });

  it('tolerates a single stray control character in a long text', () => {
    const text = `${'Routine follow-up. '.repeat(20)}\x1a`;
    expect(decodeText(Buffer.from(text), limit).text).toBe(text);
  });

  it('enforces the size limit before decoding, and rejects empty files', () => {
    const error = errorOf(() => decodeText(Buffer.alloc(2000, 0x61), { maxBytes: 1000 }));
    expect(error.code).toBe('TEXT_TOO_LARGE');
    expect(error.message).toMatch(/1000/);
    expect(errorOf(() => decodeText(new Uint8Array(0), limit)).code).toBe('EMPTY_FILE');
  });
});
