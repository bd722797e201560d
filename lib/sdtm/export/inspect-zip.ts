/**
 * Defensive ZIP reading for files users upload (XLSX is a ZIP): refuses zip bombs before anything is
 * decompressed, then decompresses within hard limits.
 *
 * 1. `listZipEntries` reads the central directory only (no decompression) and `checkZipEntries` holds it to
 *    limits: input size, entry count, total declared uncompressed size, compression ratio per entry,
 *    encryption, compression methods, ZIP64, duplicate names.
 * 2. `extractZipSafely` refuses entries whose data overlap (the trick of non-recursive bombs) or whose local
 *    header disagrees with the directory, then inflates each entry in small steps, aborting as soon as the
 *    output exceeds what the central directory declared (a lying header cannot make it allocate more), and
 *    checks size and CRC-32.
 *
 * Every refusal is an `UnsafeZipError` with a code, so callers can tell the user what was wrong.
 */
import { Inflate } from 'fflate';

export interface ZipLimits {
  /** Size of the file itself. */
  maxInputBytes: number;
  maxEntries: number;
  /** Sum of all entries' uncompressed sizes. */
  maxTotalUncompressedBytes: number;
  /** Uncompressed / compressed, per entry, for entries larger than `ratioCheckMinBytes`. */
  maxCompressionRatio: number;
  ratioCheckMinBytes: number;
}

/** Generous for real workbooks (an SDTM export of 100k records is ~10 MB of XML), tight for bombs. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxInputBytes: 50 * 1024 * 1024,
  maxEntries: 2_000,
  maxTotalUncompressedBytes: 100 * 1024 * 1024,
  maxCompressionRatio: 100,
  ratioCheckMinBytes: 1024 * 1024,
};

export type UnsafeZipErrorCode =
  /** The file is larger than maxInputBytes. */
  | 'INPUT_TOO_LARGE'
  /** No end-of-central-directory record: not a ZIP (or truncated). */
  | 'NOT_A_ZIP'
  /** Structure inconsistent: out-of-range offsets, bad signatures, duplicate names, CRC mismatch. */
  | 'CORRUPT'
  /** ZIP64 or multi-disk archives; never needed for a spreadsheet under the limits. */
  | 'UNSUPPORTED_ZIP'
  | 'TOO_MANY_ENTRIES'
  | 'TOO_LARGE_UNCOMPRESSED'
  | 'COMPRESSION_RATIO'
  | 'ENCRYPTED_ENTRY'
  /** A method other than stored (0) or deflate (8). */
  | 'UNSUPPORTED_COMPRESSION'
  /** An entry inflates to a size other than the declared one (a lying header). */
  | 'SIZE_MISMATCH';

export class UnsafeZipError extends Error {
  constructor(
    public readonly code: UnsafeZipErrorCode,
    message: string,
    public readonly entry?: string,
  ) {
    super(entry === undefined ? message : `${entry}: ${message}`);
    this.name = 'UnsafeZipError';
  }
}

export interface ZipEntryInfo {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** Compressed bytes fed to the inflater per step: at most ~1032× that (about 4 MB) is produced per step. */
const INFLATE_STEP = 4096;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const dv = view(bytes);
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (dv.getUint32(i, true) === EOCD_SIGNATURE) return i;
  }
  throw new UnsafeZipError('NOT_A_ZIP', 'no end-of-central-directory record');
}

/** Reads the central directory (no decompression). Refuses ZIP64, multi-disk and malformed archives. */
export function listZipEntries(
  bytes: Uint8Array,
  maxEntries = DEFAULT_ZIP_LIMITS.maxEntries,
): ZipEntryInfo[] {
  if (bytes.length < 22) throw new UnsafeZipError('NOT_A_ZIP', 'too short for a ZIP');
  const dv = view(bytes);
  const eocd = findEndOfCentralDirectory(bytes);
  const disk = dv.getUint16(eocd + 4, true);
  const cdDisk = dv.getUint16(eocd + 6, true);
  const entriesOnDisk = dv.getUint16(eocd + 8, true);
  const count = dv.getUint16(eocd + 10, true);
  const cdSize = dv.getUint32(eocd + 12, true);
  const cdOffset = dv.getUint32(eocd + 16, true);
  if (eocd >= 20 && dv.getUint32(eocd - 20, true) === ZIP64_LOCATOR_SIGNATURE) {
    throw new UnsafeZipError('UNSUPPORTED_ZIP', 'ZIP64 archive');
  }
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    throw new UnsafeZipError('UNSUPPORTED_ZIP', 'ZIP64 archive');
  }
  if (disk !== 0 || cdDisk !== 0 || entriesOnDisk !== count) {
    throw new UnsafeZipError('UNSUPPORTED_ZIP', 'multi-disk archive');
  }
  if (count > maxEntries) {
    throw new UnsafeZipError('TOO_MANY_ENTRIES', `${count} entries (limit ${maxEntries})`);
  }
  if (cdOffset + cdSize > eocd) throw new UnsafeZipError('CORRUPT', 'central directory outside the file');

  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntryInfo[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cdOffset + cdSize || dv.getUint32(p, true) !== CENTRAL_SIGNATURE) {
      throw new UnsafeZipError('CORRUPT', `central directory entry ${i + 1} is malformed`);
    }
    const nameLength = dv.getUint16(p + 28, true);
    const extraLength = dv.getUint16(p + 30, true);
    const commentLength = dv.getUint16(p + 32, true);
    const next = p + 46 + nameLength + extraLength + commentLength;
    if (next > cdOffset + cdSize)
      throw new UnsafeZipError('CORRUPT', `central directory entry ${i + 1} overruns`);
    const entry: ZipEntryInfo = {
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      flags: dv.getUint16(p + 8, true),
      method: dv.getUint16(p + 10, true),
      crc32: dv.getUint32(p + 16, true),
      compressedSize: dv.getUint32(p + 20, true),
      uncompressedSize: dv.getUint32(p + 24, true),
      localHeaderOffset: dv.getUint32(p + 42, true),
    };
    if (
      entry.compressedSize === 0xffffffff ||
      entry.uncompressedSize === 0xffffffff ||
      entry.localHeaderOffset === 0xffffffff
    ) {
      throw new UnsafeZipError('UNSUPPORTED_ZIP', 'ZIP64 entry', entry.name);
    }
    entries.push(entry);
    p = next;
  }
  return entries;
}

/** Holds the central directory to the limits. Returns the entries when the archive is acceptable. */
export function checkZipEntries(bytes: Uint8Array, limits: Partial<ZipLimits> = {}): ZipEntryInfo[] {
  const l = { ...DEFAULT_ZIP_LIMITS, ...limits };
  if (bytes.length > l.maxInputBytes) {
    throw new UnsafeZipError('INPUT_TOO_LARGE', `${bytes.length} bytes (limit ${l.maxInputBytes})`);
  }
  const entries = listZipEntries(bytes, l.maxEntries);
  const names = new Set<string>();
  let total = 0;
  for (const e of entries) {
    if (names.has(e.name)) throw new UnsafeZipError('CORRUPT', 'duplicate entry name', e.name);
    names.add(e.name);
    if (e.flags & 0x1) throw new UnsafeZipError('ENCRYPTED_ENTRY', 'entry is encrypted', e.name);
    if (e.method !== 0 && e.method !== 8) {
      throw new UnsafeZipError('UNSUPPORTED_COMPRESSION', `compression method ${e.method}`, e.name);
    }
    if (e.method === 0 && e.compressedSize !== e.uncompressedSize) {
      throw new UnsafeZipError('CORRUPT', 'stored entry with different sizes', e.name);
    }
    total += e.uncompressedSize;
    if (total > l.maxTotalUncompressedBytes) {
      throw new UnsafeZipError(
        'TOO_LARGE_UNCOMPRESSED',
        `uncompressed content exceeds ${l.maxTotalUncompressedBytes} bytes (${e.uncompressedSize} in this entry)`,
        e.name,
      );
    }
    const ratio = e.uncompressedSize / Math.max(e.compressedSize, 1);
    if (e.uncompressedSize > l.ratioCheckMinBytes && ratio > l.maxCompressionRatio) {
      throw new UnsafeZipError(
        'COMPRESSION_RATIO',
        `compression ratio ${Math.round(ratio)}:1 (limit ${l.maxCompressionRatio}:1)`,
        e.name,
      );
    }
  }
  return entries;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

class OutputLimitReached extends Error {}

/** Inflates raw DEFLATE data, stopping as soon as the output would exceed `limit` bytes. */
function boundedInflate(data: Uint8Array, limit: number, name: string): Uint8Array {
  const out = new Uint8Array(limit);
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    if (produced + chunk.length > limit) throw new OutputLimitReached();
    out.set(chunk, produced);
    produced += chunk.length;
  });
  try {
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
    for (let i = 0; i < data.length; i += INFLATE_STEP) {
      const end = Math.min(i + INFLATE_STEP, data.length);
      inflater.push(data.subarray(i, end), end === data.length);
    }
  } catch (e) {
    if (e instanceof OutputLimitReached) {
      throw new UnsafeZipError('SIZE_MISMATCH', `inflates to more than the declared ${limit} bytes`, name);
    }
    throw new UnsafeZipError('CORRUPT', `invalid DEFLATE data (${(e as Error).message})`, name);
  }
  if (produced !== limit) {
    throw new UnsafeZipError('SIZE_MISMATCH', `inflates to ${produced} bytes, declared ${limit}`, name);
  }
  return out;
}

/**
 * Checks the archive (`checkZipEntries`) and returns every file's content, decompressed within the declared
 * sizes and verified against the CRC-32. Directory entries are skipped.
 */
export function extractZipSafely(
  bytes: Uint8Array,
  limits: Partial<ZipLimits> = {},
): Map<string, Uint8Array> {
  const entries = checkZipEntries(bytes, limits);
  const dv = view(bytes);
  const decoder = new TextDecoder('utf-8');
  const spans: { start: number; end: number; name: string }[] = [];
  const located = entries.map((e) => {
    const p = e.localHeaderOffset;
    if (p + 30 > bytes.length || dv.getUint32(p, true) !== LOCAL_SIGNATURE) {
      throw new UnsafeZipError('CORRUPT', 'local header not found', e.name);
    }
    const nameLength = dv.getUint16(p + 26, true);
    if (
      p + 30 + nameLength > bytes.length ||
      decoder.decode(bytes.subarray(p + 30, p + 30 + nameLength)) !== e.name
    ) {
      throw new UnsafeZipError('CORRUPT', 'local header names a different file', e.name);
    }
    const start = p + 30 + nameLength + dv.getUint16(p + 28, true);
    const end = start + e.compressedSize;
    if (end > bytes.length) throw new UnsafeZipError('CORRUPT', 'data runs past the end of the file', e.name);
    spans.push({ start: p, end, name: e.name });
    return { entry: e, start, end };
  });
  // Entries sharing bytes are how non-recursive zip bombs multiply their output; real archives never do it.
  spans.sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i].start < spans[i - 1].end) {
      throw new UnsafeZipError('CORRUPT', `overlaps the data of ${spans[i - 1].name}`, spans[i].name);
    }
  }
  const files = new Map<string, Uint8Array>();
  for (const { entry: e, start, end } of located) {
    if (e.name.endsWith('/') && e.uncompressedSize === 0) continue;
    const raw = bytes.subarray(start, end);
    const content = e.method === 0 ? raw.slice() : boundedInflate(raw, e.uncompressedSize, e.name);
    if (crc32(content) !== e.crc32) throw new UnsafeZipError('CORRUPT', 'CRC-32 mismatch', e.name);
    files.set(e.name, content);
  }
  return files;
}
