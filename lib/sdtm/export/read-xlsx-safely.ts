/**
 * Reads a user-supplied XLSX without trusting it.
 *
 * 1. Zip-bomb defence (`extractZipSafely`): the central directory is held to size, count and ratio limits
 *    before anything is decompressed, then every part is inflated within its declared size and CRC-checked.
 * 2. Only an Office Open XML workbook is accepted ([Content_Types].xml and xl/workbook.xml); XLS, XLSB, ODS,
 *    CSV and HTML, which SheetJS would otherwise also parse, are refused.
 * 3. Content the installed SheetJS (xlsx 0.18.5, the last npm release) is known to mishandle is refused:
 *    prototype-polluting keys (CVE-2023-30533: e.g. a comment with ref="__proto__"; fixed only in 0.19.3,
 *    which is not on npm) — also when written as character references — and DTDs (OOXML has none; refusing
 *    them rules out entity expansion).
 * 4. SheetJS parses a freshly built, uncompressed copy holding exactly the parts that were checked, so it never
 *    sees bytes or entries that step 1 did not. Formulas, HTML, styles, VBA and file lists are not read.
 */
import { zipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { extractZipSafely, type ZipLimits } from './inspect-zip.ts';

export type UnsafeSpreadsheetErrorCode = 'NOT_XLSX' | 'UNSAFE_CONTENT';

export class UnsafeSpreadsheetError extends Error {
  constructor(
    public readonly code: UnsafeSpreadsheetErrorCode,
    message: string,
    public readonly entry?: string,
  ) {
    super(entry === undefined ? message : `${entry}: ${message}`);
    this.name = 'UnsafeSpreadsheetError';
  }
}

export interface ReadXlsxSafelyOptions {
  limits?: Partial<ZipLimits>;
  /** Read at most this many rows per sheet (SheetJS sheetRows). */
  maxRows?: number;
}

const XML_PART = /\.(xml|rels|vml)$/i;
const POLLUTING_ATTRIBUTE = /=\s*(["'])\s*(__proto__|constructor|prototype)\s*\1/;

function decodeXmlPart(content: Uint8Array): string {
  if (content[0] === 0xff && content[1] === 0xfe) return new TextDecoder('utf-16le').decode(content);
  if (content[0] === 0xfe && content[1] === 0xff) return new TextDecoder('utf-16be').decode(content);
  return new TextDecoder('utf-8').decode(content);
}

/** Replaces numeric character references, so "&#95;&#95;proto&#95;&#95;" is seen as "__proto__". */
function resolveCharacterReferences(text: string): string {
  return text.replace(/&#(x[0-9a-f]+|[0-9]+);/gi, (ref, code: string) => {
    const n = code[0].toLowerCase() === 'x' ? parseInt(code.slice(1), 16) : parseInt(code, 10);
    return n <= 0x10ffff ? String.fromCodePoint(n) : ref;
  });
}

/** Throws `UnsafeSpreadsheetError` when an XML part holds something SheetJS 0.18.5 must not parse. */
export function assertSafeXmlPart(name: string, content: Uint8Array): void {
  const text = resolveCharacterReferences(decodeXmlPart(content));
  if (/<!DOCTYPE/i.test(text))
    throw new UnsafeSpreadsheetError('UNSAFE_CONTENT', 'document type declaration', name);
  if (text.includes('__proto__') || POLLUTING_ATTRIBUTE.test(text)) {
    throw new UnsafeSpreadsheetError('UNSAFE_CONTENT', 'prototype-polluting key (CVE-2023-30533)', name);
  }
}

/**
 * Parses an XLSX after the checks above. Throws `UnsafeZipError` (archive limits and structure) or
 * `UnsafeSpreadsheetError` (not a workbook, unsafe content).
 */
export function readXlsxSafely(bytes: Uint8Array, options: ReadXlsxSafelyOptions = {}): XLSX.WorkBook {
  const parts = extractZipSafely(bytes, options.limits);
  if (!parts.has('[Content_Types].xml') || !parts.has('xl/workbook.xml')) {
    throw new UnsafeSpreadsheetError('NOT_XLSX', 'not an Office Open XML workbook (no xl/workbook.xml)');
  }
  for (const [name, content] of parts) if (XML_PART.test(name)) assertSafeXmlPart(name, content);
  const checked = zipSync(Object.fromEntries(parts), { level: 0, mtime: new Date(Date.UTC(2000, 0, 1)) });
  return XLSX.read(checked, {
    type: 'array',
    cellFormula: false,
    cellHTML: false,
    cellStyles: false,
    bookVBA: false,
    bookDeps: false,
    bookFiles: false,
    sheetRows: options.maxRows,
  });
}
