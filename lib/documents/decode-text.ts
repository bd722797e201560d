/**
 * Decodes a plain-text upload to a JavaScript string and names its encoding. Order of evidence: a Unicode BOM
 * (UTF-8, UTF-16LE/BE, UTF-32LE/BE); UTF-16 without a BOM (NUL bytes in every other position); strict UTF-8;
 * otherwise a legacy single- or multi-byte encoding guessed by chardet, where Western text is read as
 * windows-1252 when it uses the 0x80–0x9F range (curly quotes, dashes, €) and as ISO-8859-1 otherwise. The decoded
 * text is rejected as NOT_TEXT when it holds control characters or undecodable bytes beyond a trace.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { DocumentReadError } from './document-read-error.ts';
import { utf16WithoutBom } from './detect-type.ts';

export interface DecodedText {
  text: string;
  encoding: string;
}

/** chardet answers that are Western European; they are decoded as windows-1252 or ISO-8859-1. */
const WESTERN = new Set(['ISO-8859-1', 'windows-1252', 'ISO-8859-15']);
/** Below this chardet confidence (0..100) a legacy guess is not trusted and Western is assumed. */
const MIN_CHARDET_CONFIDENCE = 50;

function hasBom(bytes: Uint8Array, bom: number[]): boolean {
  return bom.every((b, i) => bytes[i] === b);
}

function bomEncoding(bytes: Uint8Array): { encoding: string; iconvName: string } | null {
  if (hasBom(bytes, [0xef, 0xbb, 0xbf])) return { encoding: 'UTF-8', iconvName: 'utf8' };
  if (hasBom(bytes, [0xff, 0xfe, 0x00, 0x00]) && bytes.length % 4 === 0) {
    return { encoding: 'UTF-32LE', iconvName: 'utf32le' };
  }
  if (hasBom(bytes, [0x00, 0x00, 0xfe, 0xff])) return { encoding: 'UTF-32BE', iconvName: 'utf32be' };
  if (hasBom(bytes, [0xff, 0xfe])) return { encoding: 'UTF-16LE', iconvName: 'utf16le' };
  if (hasBom(bytes, [0xfe, 0xff])) return { encoding: 'UTF-16BE', iconvName: 'utf16be' };
  return null;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function legacyEncoding(bytes: Uint8Array): string {
  const best = chardet.analyse(bytes)[0];
  if (
    best &&
    !WESTERN.has(best.name) &&
    best.confidence >= MIN_CHARDET_CONFIDENCE &&
    iconv.encodingExists(best.name)
  ) {
    return best.name;
  }
  return bytes.some((b) => b >= 0x80 && b <= 0x9f) ? 'windows-1252' : 'ISO-8859-1';
}

/** Control characters other than tab, line feed, vertical tab, form feed, carriage return; and U+FFFD. */
function countSuspicious(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && (c < 0x09 || c > 0x0d)) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) count++;
  }
  return count;
}

export function decodeText(bytes: Uint8Array, options: { maxBytes: number }): DecodedText {
  if (bytes.length === 0) throw new DocumentReadError('EMPTY_FILE', 'The file is empty.');
  if (bytes.length > options.maxBytes) {
    throw new DocumentReadError(
      'TEXT_TOO_LARGE',
      `The text file is ${bytes.length} bytes; the limit is ${options.maxBytes} bytes.`,
    );
  }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let decoded: DecodedText;
  const bom = bomEncoding(bytes);
  const utf16 = bom ? null : utf16WithoutBom(bytes);
  if (bom) {
    // iconv-lite strips the BOM, so offsets start at the first real character.
    decoded = { text: iconv.decode(buffer, bom.iconvName), encoding: bom.encoding };
  } else if (utf16) {
    decoded = { text: iconv.decode(buffer, utf16 === 'UTF-16LE' ? 'utf16le' : 'utf16be'), encoding: utf16 };
  } else if (bytes.includes(0)) {
    throw new DocumentReadError('NOT_TEXT', 'The file contains NUL bytes; it is binary data, not text.');
  } else {
    const utf8 = strictUtf8(bytes);
    if (utf8 !== null) {
      decoded = { text: utf8, encoding: 'UTF-8' };
    } else {
      const encoding = legacyEncoding(bytes);
      decoded = { text: iconv.decode(buffer, encoding), encoding };
    }
  }
  const suspicious = countSuspicious(decoded.text);
  if (suspicious > Math.max(1, decoded.text.length * 0.005)) {
    throw new DocumentReadError(
      'NOT_TEXT',
      `The file does not decode as text (${suspicious} control or invalid characters as ${decoded.encoding}).`,
    );
  }
  return decoded;
}
