import { describe, expect, it } from 'vitest';
import { detectType, looksLikeText } from '../../../lib/documents/detect-type.ts';
import { DocumentReadError } from '../../../lib/documents/document-read-error.ts';
import { buildTextPdf } from '../../fixtures/documents/build-pdf.ts';
import { binaryJunk, notePng, pngHeaderClaiming, toJpeg } from '../../fixtures/documents/fixtures.ts';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DocumentReadError);
    return (error as DocumentReadError).code;
  }
  return undefined;
}

describe('detectType', () => {
  it('recognises PDF, PNG, JPEG and TIFF by their magic bytes, whatever the file is called', async () => {
    expect(detectType(buildTextPdf([['x']]), 'note.txt')).toEqual({
      kind: 'pdf',
      mimeType: 'application/pdf',
    });
    expect(detectType(notePng(1), 'scan.pdf').mimeType).toBe('image/png');
    expect(detectType(await toJpeg(notePng(1)), 'scan.png').mimeType).toBe('image/jpeg');
    expect(detectType(Buffer.from('II*\0\x08\0\0\0', 'latin1')).mimeType).toBe('image/tiff');
    expect(detectType(Buffer.from('MM\0*\0\0\0\x08', 'latin1')).mimeType).toBe('image/tiff');
  });

  it('accepts a PDF header preceded by junk, as PDF readers do', () => {
    const bytes = Buffer.concat([Buffer.from('garbage\r\n'), buildTextPdf([['x']])]);
    expect(detectType(bytes).kind).toBe('pdf');
  });

  it('treats text as text, whatever the extension', () => {
    expect(detectType(Buffer.from('BP 120/80\r\n'), 'scan.jpg')).toEqual({
      kind: 'text',
      mimeType: 'text/plain',
    });
    expect(detectType(Buffer.from('\ufeffnote', 'utf16le')).kind).toBe('text');
    expect(detectType(Buffer.from('note without BOM', 'utf16le')).kind).toBe('text');
    expect(detectType(Buffer.from([0x93, 0x48, 0x69, 0x94])).kind).toBe('text');
  });

  it('rejects binary data named .txt as NOT_TEXT and unnamed binary as UNSUPPORTED_TYPE', () => {
    expect(codeOf(() => detectType(binaryJunk(4096), 'notes.txt'))).toBe('NOT_TEXT');
    expect(codeOf(() => detectType(binaryJunk(4096), 'blob.bin'))).toBe('UNSUPPORTED_TYPE');
    expect(codeOf(() => detectType(binaryJunk(4096)))).toBe('UNSUPPORTED_TYPE');
  });

  it('names common formats it refuses', () => {
    const cases: Array<[Buffer, RegExp]> = [
      [Buffer.from('GIF89a\x01\0\x01\0', 'latin1'), /GIF/],
      [Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), binaryJunk(64)]), /ZIP|Word/],
      [Buffer.concat([Buffer.alloc(128), Buffer.from('DICM'), binaryJunk(64)]), /DICOM/],
      [Buffer.from('{\\rtf1\\ansi hello}'), /RTF/],
    ];
    for (const [bytes, name] of cases) {
      let error: DocumentReadError | undefined;
      try {
        detectType(bytes, 'upload.txt');
      } catch (e) {
        error = e as DocumentReadError;
      }
      expect(error?.code).toBe('UNSUPPORTED_TYPE');
      expect(error?.message).toMatch(name);
    }
  });

  it('rejects an empty file', () => {
    expect(codeOf(() => detectType(new Uint8Array(0), 'empty.txt'))).toBe('EMPTY_FILE');
  });

  it('does not take a PNG whose header claims a huge size for anything but a PNG', () => {
    expect(detectType(pngHeaderClaiming(50_000, 100)).mimeType).toBe('image/png');
  });
});

describe('looksLikeText', () => {
  it('refuses NUL bytes and dense control characters but allows tabs, form feeds and CRLF', () => {
    expect(looksLikeText(Buffer.from('a\tb\r\nc\fd'))).toBe(true);
    expect(looksLikeText(Buffer.from('abc\0def'))).toBe(false);
    expect(looksLikeText(Buffer.from('\x01\x02\x03\x04 some text \x05\x06'))).toBe(false);
  });
});
