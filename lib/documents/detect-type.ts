/**
 * Decides what an uploaded file is from its bytes, never from its name: magic numbers for PDF, PNG, JPEG and TIFF;
 * a byte-level check for plain text (BOMs, NUL bytes, control characters). A few common formats we do not read
 * (Word, ZIP, GIF, DICOM…) are named in the error so the user knows what was refused. The file name only chooses
 * the error for unrecognised binary data: a `.txt` that is not text is NOT_TEXT, anything else UNSUPPORTED_TYPE.
 */
import { DocumentReadError } from './document-read-error.ts';
import type { DocumentMimeType } from './document-types.ts';

export type DocumentKind = 'pdf' | 'image' | 'text';

export interface DetectedType {
  kind: DocumentKind;
  mimeType: DocumentMimeType;
}

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((b, i) => bytes[at + i] === b);
}

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

/** Formats recognised only to be refused with their name. */
const UNSUPPORTED_SIGNATURES: Array<{ name: string; test: (b: Uint8Array) => boolean }> = [
  { name: 'GIF image', test: (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')) },
  { name: 'WebP image', test: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8) },
  { name: 'BMP image', test: (b) => startsWith(b, ascii('BM')) && b.length > 26 && b[6] === 0 && b[7] === 0 },
  { name: 'JPEG 2000 image', test: (b) => startsWith(b, [0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20]) },
  { name: 'HEIC/AVIF image or MP4 video', test: (b) => startsWith(b, ascii('ftyp'), 4) },
  { name: 'DICOM file', test: (b) => startsWith(b, ascii('DICM'), 128) },
  { name: 'ZIP archive (or Word/Excel document)', test: (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]) },
  {
    name: 'legacy Office document',
    test: (b) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  },
  { name: 'RTF document', test: (b) => startsWith(b, ascii('{\\rtf')) },
  { name: 'gzip archive', test: (b) => startsWith(b, [0x1f, 0x8b]) },
];

/** `%PDF-` may follow some junk; readers accept it within the first 1024 bytes. */
function isPdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  const needle = ascii('%PDF-');
  for (let i = 0; i + needle.length <= head.length; i++) {
    if (startsWith(head, needle, i)) return true;
  }
  return false;
}

const TEXT_EXTENSIONS = /\.(txt|text|md|csv|tsv|log|note)$/i;

/**
 * True when the bytes can plausibly be text in one of the encodings decodeText handles: a Unicode BOM, UTF-16
 * without a BOM (every other byte NUL), or no NUL bytes and few C0 control characters other than tab, line feed,
 * form feed and carriage return. decodeText makes the final call after decoding.
 */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (
    startsWith(bytes, [0xef, 0xbb, 0xbf]) ||
    startsWith(bytes, [0xff, 0xfe]) ||
    startsWith(bytes, [0xfe, 0xff]) ||
    startsWith(bytes, [0, 0, 0xfe, 0xff])
  ) {
    return true;
  }
  if (utf16WithoutBom(bytes) !== null) return true;
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return false;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) control++;
  }
  return control <= Math.max(1, sample.length * 0.005);
}

/** Recognises UTF-16 without a BOM from the NUL bytes of ASCII-range characters. */
export function utf16WithoutBom(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | null {
  const sample = bytes.subarray(0, 64 * 1024 - ((64 * 1024) % 2));
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 2) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenZero++;
    if (sample[i + 1] === 0) oddZero++;
  }
  if (oddZero >= pairs * 0.6 && evenZero <= pairs * 0.02) return 'UTF-16LE';
  if (evenZero >= pairs * 0.6 && oddZero <= pairs * 0.02) return 'UTF-16BE';
  return null;
}

export function detectType(bytes: Uint8Array, filename?: string): DetectedType {
  if (bytes.length === 0) throw new DocumentReadError('EMPTY_FILE', 'The file is empty.');
  if (isPdf(bytes)) return { kind: 'pdf', mimeType: 'application/pdf' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { kind: 'image', mimeType: 'image/png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'image', mimeType: 'image/jpeg' };
  if (
    startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]) ||
    startsWith(bytes, [0x49, 0x49, 0x2b, 0x00]) ||
    startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2b])
  ) {
    return { kind: 'image', mimeType: 'image/tiff' };
  }
  const unsupported = UNSUPPORTED_SIGNATURES.find((s) => s.test(bytes));
  if (unsupported) {
    throw new DocumentReadError(
      'UNSUPPORTED_TYPE',
      `This file is a ${unsupported.name}; supported types are PDF, PNG, JPEG, TIFF and plain text.`,
    );
  }
  if (looksLikeText(bytes)) return { kind: 'text', mimeType: 'text/plain' };
  if (filename && TEXT_EXTENSIONS.test(filename)) {
    throw new DocumentReadError('NOT_TEXT', 'The file is named as text but contains binary data.');
  }
  throw new DocumentReadError(
    'UNSUPPORTED_TYPE',
    'The file type was not recognised; supported types are PDF, PNG, JPEG, TIFF and plain text.',
  );
}
