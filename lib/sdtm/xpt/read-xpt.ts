/**
 * Reads SAS XPORT v5 (.xpt) library files, following SAS technical paper TS-140.
 *
 * - `readXpt(buf)` returns every member as an `SdtmDataset`: character values right-trimmed, missing numeric
 *   values (`.` and the special `.A`–`.Z`, `._`) as `null`.
 * - `parseXpt(buf)` returns everything the file holds (header strings, all NAMESTR fields, special missing
 *   values as `{ missing: 'A' }`), for byte-level work and diagnostics.
 *
 * Anything that is not a well-formed XPORT v5 file (empty, truncated, another format, a bad header or
 * NAMESTR) raises `XptFormatError` with the byte offset of the problem; no other error escapes on bad input.
 *
 * The observation count is not stored in the file: it is the data length divided by the record length,
 * after removing the blank padding of the last 80-byte record. When the record length is below 80 and the
 * last observations are entirely blank (all-character datasets only), they cannot be told apart from
 * padding and are dropped; this is an ambiguity of the format itself.
 */
import type { SdtmDataset, SdtmValue, SdtmVariable } from '../dataset.ts';
import { readIbmFloat } from './ibm-float.ts';
import type { XptValue } from './sas-missing.ts';
import { XptFormatError } from './xpt-errors.ts';
import { decodeWindows1252, WINDOWS_1252_LABELS } from './windows-1252.ts';
import {
  CPORT_MAGIC,
  DSCRPTR_HEADER,
  LIBRARY_HEADER,
  LIBRARY_HEADER_V8,
  MEMBER_HEADER,
  NAMESTR_HEADER,
  NAMESTR_LENGTH,
  NAMESTR_LENGTH_VMS,
  NS,
  OBS_HEADER,
  RECORD_LENGTH,
} from './xpt-layout.ts';
import type {
  XptLibrary,
  XptLibraryHeader,
  XptMember,
  XptMemberHeader,
  XptVariableInfo,
} from './xpt-types.ts';

export interface ReadXptOptions {
  /**
   * Encoding of character values and labels. TS-140 records none. `'auto'` (default): ASCII as is, otherwise
   * UTF-8 when the bytes are valid UTF-8, else Windows-1252 (SAS's WLATIN1). A WHATWG label (`'utf-8'`,
   * `'windows-1252'`, `'shift_jis'`, ...) forces that encoding; an unknown label throws RangeError.
   */
  encoding?: string;
}

/** Reads every member of an XPORT v5 library file as an `SdtmDataset`. */
export function readXpt(buf: Uint8Array, options: ReadXptOptions = {}): SdtmDataset[] {
  return parseXpt(buf, options).members.map(toSdtmDataset);
}

/**
 * Maps one decoded member to the shared dataset shape (special missing values become `null`). Rows without
 * special missing values are shared with `member`, not copied.
 */
export function toSdtmDataset(member: XptMember): SdtmDataset {
  const variables: SdtmVariable[] = member.variables.map((v) => {
    const variable: SdtmVariable = { name: v.name, label: v.label, type: v.type, length: v.length };
    const format = formatText(v.format, v.formatLength, v.formatDecimals);
    if (format) variable.format = format;
    return variable;
  });
  const numeric = member.variables.filter((v) => v.type === 'Num').map((v) => v.name);
  const rows = member.rows.map((row) => {
    let copy: Record<string, SdtmValue> | undefined;
    for (const name of numeric) {
      const value = row[name];
      if (value !== null && typeof value === 'object') {
        copy ??= { ...(row as Record<string, SdtmValue>) };
        copy[name] = null;
      }
    }
    return copy ?? (row as Record<string, SdtmValue>);
  });
  return { name: member.header.dsname, label: member.header.label, variables, rows };
}

/** `DATE9.`, `8.2`, `$CHAR20.`, `BEST.`; undefined when the variable has no format. */
export function formatText(name: string, width: number, decimals: number): string | undefined {
  if (!name && width === 0 && decimals === 0) return undefined;
  return `${name}${width > 0 ? width : ''}.${decimals > 0 ? decimals : ''}`;
}

/** Decodes the whole library file. */
export function parseXpt(input: Uint8Array, options: ReadXptOptions = {}): XptLibrary {
  if (!(input instanceof Uint8Array)) {
    throw new XptFormatError(`expected the bytes of a file (Uint8Array), got ${typeof input}`, 0);
  }
  const buf = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const text = new TextReader(buf, options.encoding ?? 'auto');
  checkLibraryHeader(buf);
  const library: XptLibraryHeader = {
    sas: text.ascii(80, 8),
    sas2: text.ascii(88, 8),
    saslib: text.ascii(96, 8),
    version: text.ascii(104, 8),
    os: text.ascii(112, 8),
    created: text.ascii(144, 16),
    modified: text.ascii(160, 16),
  };
  if (library.sas !== 'SAS' || library.saslib !== 'SASLIB') {
    throw new XptFormatError(
      `bad library header: expected "SAS" and "SASLIB", found "${library.sas}" and "${library.saslib}"`,
      80,
    );
  }
  const members: XptMember[] = [];
  let offset = 3 * RECORD_LENGTH;
  if (buf.length === offset)
    throw new XptFormatError('truncated file: no member after the library header', offset);
  while (offset < buf.length) {
    const member = parseMember(buf, offset, text);
    members.push(member.member);
    offset = member.end;
  }
  return { library, members };
}

function checkLibraryHeader(buf: Buffer): void {
  if (buf.length === 0) throw new XptFormatError('empty file: not a SAS XPORT file', 0);
  const head = buf.toString('latin1', 0, Math.min(buf.length, RECORD_LENGTH));
  if (head.startsWith(LIBRARY_HEADER_V8.slice(0, 28))) {
    throw new XptFormatError('SAS XPORT version 8/9 (LIBV8) file: only version 5 is supported', 0);
  }
  if (head.startsWith(CPORT_MAGIC)) {
    throw new XptFormatError('SAS CPORT file (PROC CPORT), not an XPORT file', 0);
  }
  const expected = LIBRARY_HEADER;
  const compared = Math.min(head.length, expected.length);
  if (head.slice(0, compared) !== expected.slice(0, compared)) {
    throw new XptFormatError('not a SAS XPORT file: the library header record is missing', 0);
  }
  if (buf.length < 3 * RECORD_LENGTH) {
    throw new XptFormatError(
      `truncated file: ${buf.length} bytes, the library header alone needs ${3 * RECORD_LENGTH}`,
      buf.length,
    );
  }
}

function expectHeader(buf: Buffer, offset: number, header: string, what: string, member: string): void {
  const where = member ? ` of member ${member}` : '';
  if (offset + RECORD_LENGTH > buf.length) {
    throw new XptFormatError(
      `truncated file: the ${what} record${where} is missing`,
      Math.min(offset, buf.length),
    );
  }
  if (buf.toString('latin1', offset, offset + header.length) !== header) {
    throw new XptFormatError(`bad header: expected the ${what} record${where}`, offset);
  }
}

function parseMember(buf: Buffer, start: number, text: TextReader): { member: XptMember; end: number } {
  expectHeader(buf, start, MEMBER_HEADER, 'MEMBER header', '');
  const nsText = buf.toString('latin1', start + 74, start + 78);
  const namestrLength = nsText === '0140' ? NAMESTR_LENGTH : nsText === '0136' ? NAMESTR_LENGTH_VMS : 0;
  if (namestrLength === 0) {
    throw new XptFormatError(
      `bad MEMBER header: NAMESTR length "${nsText}" (expected 0140 or 0136)`,
      start + 74,
    );
  }
  expectHeader(buf, start + 80, DSCRPTR_HEADER, 'DSCRPTR header', '');
  const d = start + 160;
  if (d + 2 * RECORD_LENGTH > buf.length) {
    throw new XptFormatError(
      'truncated file: the member descriptor records are missing',
      Math.min(d, buf.length),
    );
  }
  const header: XptMemberHeader = {
    dsname: text.ascii(d + 8, 8),
    sasdata: text.ascii(d + 16, 8),
    version: text.ascii(d + 24, 8),
    os: text.ascii(d + 32, 8),
    created: text.ascii(d + 64, 16),
    modified: text.ascii(d + 80, 16),
    label: text.decode(d + 80 + 32, d + 80 + 72),
    type: text.ascii(d + 80 + 72, 8),
  };
  const name = header.dsname;
  if (text.ascii(d, 8) !== 'SAS' || header.sasdata !== 'SASDATA') {
    throw new XptFormatError(`bad member header: expected "SAS" and "SASDATA"`, d);
  }
  if (!name) throw new XptFormatError('bad member header: the dataset name is blank', d + 8);

  const nsHeader = start + 320;
  expectHeader(buf, nsHeader, NAMESTR_HEADER, 'NAMESTR header', name);
  const countText = buf.toString('latin1', nsHeader + 54, nsHeader + 58);
  if (!/^\d{4}$/.test(countText)) {
    throw new XptFormatError(
      `bad NAMESTR header of member ${name}: variable count "${countText}"`,
      nsHeader + 54,
    );
  }
  const nvars = Number(countText);
  const nsStart = nsHeader + RECORD_LENGTH;
  const nsBytes = nvars * namestrLength;
  const obsHeader = nsStart + Math.ceil(nsBytes / RECORD_LENGTH) * RECORD_LENGTH;
  if (obsHeader > buf.length) {
    throw new XptFormatError(
      `truncated file: member ${name} declares ${nvars} variables (${nsBytes} bytes of NAMESTR records) but the file ends`,
      buf.length,
    );
  }
  const variables: XptVariableInfo[] = [];
  for (let i = 0; i < nvars; i++)
    variables.push(parseNamestr(buf, nsStart + i * namestrLength, text, name, i));
  const recordLength = variables.reduce((sum, v) => sum + v.length, 0);
  const seen = new Set<string>();
  for (let i = 0; i < nvars; i++) {
    const v = variables[i];
    const at = nsStart + i * namestrLength;
    if (v.position + v.length > recordLength) {
      throw new XptFormatError(
        `bad NAMESTR for ${name}.${v.name}: position ${v.position} + length ${v.length} exceeds the record length ${recordLength}`,
        at + NS.npos,
      );
    }
    if (seen.has(v.name.toUpperCase())) {
      throw new XptFormatError(`bad NAMESTR: variable ${name}.${v.name} appears twice`, at + NS.nname);
    }
    seen.add(v.name.toUpperCase());
  }

  expectHeader(buf, obsHeader, OBS_HEADER, 'OBS header', name);
  const dataStart = obsHeader + RECORD_LENGTH;
  let dataEnd = dataStart;
  while (dataEnd < buf.length && !isMemberHeader(buf, dataEnd)) dataEnd += RECORD_LENGTH;
  if (dataEnd > buf.length) {
    throw new XptFormatError(
      `truncated file: observations of member ${name} end in a partial 80-byte record (file length ${buf.length} is not a multiple of 80)`,
      buf.length,
    );
  }
  const nobs = countObservations(buf, dataStart, dataEnd, recordLength, name);
  const rows = decodeRows(buf, dataStart, nobs, recordLength, variables, text);
  return {
    member: { header, namestrLength, recordLength, variables, nobs, rows, offset: start },
    end: dataEnd,
  };
}

function isMemberHeader(buf: Buffer, offset: number): boolean {
  if (buf[offset] !== 0x48 || offset + RECORD_LENGTH > buf.length) return false; // 'H'
  return buf.toString('latin1', offset, offset + MEMBER_HEADER.length) === MEMBER_HEADER;
}

function parseNamestr(
  buf: Buffer,
  at: number,
  text: TextReader,
  member: string,
  index: number,
): XptVariableInfo {
  const u16 = (o: number) => buf.readUInt16BE(at + o);
  const ntype = u16(NS.ntype);
  const length = u16(NS.nlng);
  const name = text.ascii(at + NS.nname, 8);
  const where = `${member} variable ${index + 1}${name ? ` (${name})` : ''}`;
  if (ntype !== 1 && ntype !== 2) {
    throw new XptFormatError(
      `bad NAMESTR for ${where}: type ${ntype} (expected 1 = numeric or 2 = character)`,
      at,
    );
  }
  if (!name) throw new XptFormatError(`bad NAMESTR for ${where}: the name is blank`, at + NS.nname);
  if (ntype === 1 ? length < 2 || length > 8 : length < 1) {
    throw new XptFormatError(`bad NAMESTR for ${where}: length ${length}`, at + NS.nlng);
  }
  return {
    name,
    label: text.decode(at + NS.nlabel, at + NS.nlabel + 40),
    type: ntype === 1 ? 'Num' : 'Char',
    length,
    varnum: u16(NS.nvar0),
    format: text.ascii(at + NS.nform, 8),
    formatLength: u16(NS.nfl),
    formatDecimals: u16(NS.nfd),
    formatJustification: u16(NS.nfj),
    informat: text.ascii(at + NS.niform, 8),
    informatLength: u16(NS.nifl),
    informatDecimals: u16(NS.nifd),
    position: buf.readInt32BE(at + NS.npos),
  };
}

/**
 * The number of observations in [start, end): the smallest n whose remaining bytes are blank padding
 * shorter than one 80-byte record.
 */
function countObservations(
  buf: Buffer,
  start: number,
  end: number,
  recordLength: number,
  member: string,
): number {
  const length = end - start;
  if (length === 0) return 0;
  if (recordLength === 0) {
    if (isBlank(buf, start, end)) return 0;
    throw new XptFormatError(`member ${member} has no variables but non-blank observation data`, start);
  }
  const max = Math.floor(length / recordLength);
  const min = Math.max(0, Math.floor((length - RECORD_LENGTH) / recordLength) + 1);
  for (let n = min; n <= max; n++) {
    if (isBlank(buf, start + n * recordLength, end)) return n;
  }
  if (min > max && isBlank(buf, start, end)) return 0;
  const whole = start + max * recordLength;
  throw new XptFormatError(
    `truncated or corrupt observations in member ${member}: ${end - whole} bytes at the end are neither a whole observation (${recordLength} bytes) nor blank padding`,
    whole,
  );
}

function isBlank(buf: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (buf[i] !== 0x20) return false;
  return true;
}

function decodeRows(
  buf: Buffer,
  start: number,
  nobs: number,
  recordLength: number,
  variables: XptVariableInfo[],
  text: TextReader,
): Record<string, XptValue>[] {
  const rows: Record<string, XptValue>[] = new Array(nobs);
  const count = variables.length;
  const names = variables.map((v) => v.name);
  const numeric = variables.map((v) => v.type === 'Num');
  const positions = variables.map((v) => v.position);
  const lengths = variables.map((v) => v.length);
  // Cloning a template keeps every row on one hidden class and avoids a map transition per property.
  const template: Record<string, XptValue> = {};
  for (const name of names) template[name] = null;
  for (let r = 0; r < nobs; r++) {
    const base = start + r * recordLength;
    const row: Record<string, XptValue> = { ...template };
    for (let i = 0; i < count; i++) {
      const at = base + positions[i];
      row[names[i]] = numeric[i] ? readIbmFloat(buf, at, lengths[i]) : text.decode(at, at + lengths[i]);
    }
    rows[r] = row;
  }
  return rows;
}

/** Decodes header and character fields: right-trimmed, ASCII fast path, encoding fallback. */
class TextReader {
  private readonly buf: Buffer;
  /** 'auto', 'cp1252' or a TextDecoder for another forced encoding. */
  private readonly mode: 'auto' | 'cp1252' | TextDecoder;
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });

  constructor(buf: Buffer, encoding: string) {
    this.buf = buf;
    const label = encoding.trim().toLowerCase();
    this.mode =
      label === 'auto' ? 'auto' : WINDOWS_1252_LABELS.has(label) ? 'cp1252' : new TextDecoder(label);
  }

  /** A header field of `length` bytes: right-trimmed, bytes above 0x7F read as Latin-1. */
  ascii(offset: number, length: number): string {
    return this.buf.toString('latin1', offset, this.trimEnd(offset, offset + length));
  }

  /** A character value or label: right-trimmed (blanks and NULs), then decoded. */
  decode(start: number, end: number): string {
    const stop = this.trimEnd(start, end);
    if (stop === start) return '';
    const s = this.buf.toString('latin1', start, stop);
    if (!/[\x80-\xff]/.test(s)) return s; // ASCII reads the same in every supported encoding
    const bytes = this.buf.subarray(start, stop);
    if (this.mode === 'cp1252') return decodeWindows1252(bytes);
    if (this.mode !== 'auto') return this.mode.decode(bytes);
    try {
      return this.utf8.decode(bytes);
    } catch {
      return decodeWindows1252(bytes);
    }
  }

  private trimEnd(start: number, end: number): number {
    let stop = end;
    while (stop > start && (this.buf[stop - 1] === 0x20 || this.buf[stop - 1] === 0x00)) stop--;
    return stop;
  }
}
