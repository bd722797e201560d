/**
 * Writes SAS XPORT v5 (.xpt) files (SAS technical paper TS-140).
 *
 * - `writeXpt(datasets, options)`: a whole library file in memory, one member per dataset. Character
 *   lengths missing from the metadata are measured from the data.
 * - `createXptWriter(meta, sink, options)`: one dataset streamed row by row (or batch by batch) to a Node
 *   Writable or a file path, in fixed-size chunks with backpressure, so memory stays bounded for millions
 *   of rows. Character lengths must be given.
 *
 * Both refuse to write an invalid file: names, labels, lengths and every value are checked and all problems
 * are reported together in one `XptValidationError` (paths like `VS.VSORRES[12]`, row index 0-based). The
 * streaming writer checks rows as they come, stops sending bytes at the first bad row, and on `end()`
 * throws the error after destroying the sink (or deleting the unfinished file).
 *
 * Output is byte-identical to SAS 9.4 for the same header strings: blank padding of records, 0x00 in unused
 * NAMESTR fields, no informats, header timestamps `ddMMMyy:hh:mm:ss` in local time.
 */
import type { Writable } from 'node:stream';
import { encodeLibraryHeader, encodeMemberHeader, type XptHeaderFields } from './encode-xpt-headers.ts';
import { XptRowEncoder, type XptRow } from './encode-xpt-row.ts';
import { firstNonAscii, planXptMember, type XptDatasetMeta, type XptMemberPlan } from './plan-xpt-member.ts';
import { formatSasDatetime, isSasDatetime } from './sas-datetime.ts';
import { XptIssueList } from './xpt-errors.ts';
import { RECORD_LENGTH } from './xpt-layout.ts';
import { OutputSink } from './output-sink.ts';

export type { XptDatasetMeta } from './plan-xpt-member.ts';
export type { XptRow } from './encode-xpt-row.ts';

export interface WriteXptOptions {
  /** Creation time in the headers: a Date (formatted in local time) or `ddMMMyy:hh:mm:ss`. Default now. */
  created?: Date | string;
  /** Modification time in the headers. Default: `created`. */
  modified?: Date | string;
  /** SAS release written in the headers (at most 8 characters). Default `9.4`. */
  sasVersion?: string;
  /** Operating system written in the headers (at most 8 characters). Default `IMAGEHR`. */
  os?: string;
  /** Most issues kept in an `XptValidationError` (the rest are counted). Default 10,000. */
  maxIssues?: number;
}

export interface XptWriterOptions extends WriteXptOptions {
  /** Bytes of observations gathered before each write to the sink. Default 1 MiB. */
  chunkSize?: number;
}

/** A dataset to write: metadata plus rows (an `SdtmDataset` is one; rows may also hold special missing values). */
export interface XptWritableDataset extends XptDatasetMeta {
  rows: readonly XptRow[];
}

export interface XptWriteSummary {
  rows: number;
  /** Bytes of the whole file. */
  bytes: number;
}

export interface XptWriter {
  /** Checks and encodes one row; resolves at once unless the sink asks to wait (backpressure). */
  write(row: XptRow): Promise<void>;
  /** Checks and encodes rows in order, waiting on the sink when it asks to. */
  writeBatch(rows: Iterable<XptRow>): Promise<void>;
  /**
   * Pads the last record, flushes and closes the sink (renaming the finished file into place). Throws
   * `XptValidationError` with every problem if any row was invalid.
   */
  end(): Promise<XptWriteSummary>;
  /** Gives up: destroys the sink and deletes an unfinished file. */
  abort(reason?: Error): Promise<void>;
  /** Rows accepted so far. */
  readonly rows: number;
}

const DEFAULT_OS = 'IMAGEHR';
const DEFAULT_VERSION = '9.4';

function resolveTimestamp(
  value: Date | string | undefined,
  fallback: string,
  name: string,
  issues: XptIssueList,
): string {
  if (value === undefined) return fallback;
  if (value instanceof Date) {
    if (!Number.isNaN(value.getTime())) return formatSasDatetime(value);
    issues.add(`options.${name}`, 'is an invalid Date');
  } else if (isSasDatetime(value)) {
    return value;
  } else {
    issues.add(
      `options.${name}`,
      `"${value}" is not a Date or a ddMMMyy:hh:mm:ss timestamp (e.g. 21AUG20:09:14:29)`,
    );
  }
  return fallback;
}

function resolveHeaderText(
  value: string | undefined,
  fallback: string,
  name: string,
  issues: XptIssueList,
): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || value.length > 8 || firstNonAscii(value) >= 0) {
    issues.add(`options.${name}`, `must be at most 8 ASCII characters, got ${JSON.stringify(value)}`);
    return fallback;
  }
  return value;
}

function resolveHeaderFields(options: WriteXptOptions, issues: XptIssueList): XptHeaderFields {
  const created = resolveTimestamp(options.created, formatSasDatetime(new Date()), 'created', issues);
  return {
    created,
    modified: resolveTimestamp(options.modified, created, 'modified', issues),
    sasVersion: resolveHeaderText(options.sasVersion, DEFAULT_VERSION, 'sasVersion', issues),
    os: resolveHeaderText(options.os, DEFAULT_OS, 'os', issues),
  };
}

/** Bytes of blank padding after `dataBytes` of observations, up to the next 80-byte boundary. */
const paddingAfter = (dataBytes: number) => (RECORD_LENGTH - (dataBytes % RECORD_LENGTH)) % RECORD_LENGTH;

/** The longest string value of each character variable that has no length (at least 1). */
function measureCharLengths(ds: XptWritableDataset): Map<string, number> {
  const names = (Array.isArray(ds.variables) ? ds.variables : [])
    .filter((v) => v?.type === 'Char' && v.length === undefined)
    .map((v) => v.name);
  const lengths = new Map<string, number>(names.map((n) => [n, 1]));
  if (names.length === 0 || !Array.isArray(ds.rows)) return lengths;
  for (const row of ds.rows) {
    if (typeof row !== 'object' || row === null) continue;
    for (const name of names) {
      const value = row[name];
      if (typeof value === 'string' && value.length > lengths.get(name)!) lengths.set(name, value.length);
    }
  }
  return lengths;
}

/** Writes a whole XPORT v5 library file, one member per dataset, in memory. */
export function writeXpt(datasets: readonly XptWritableDataset[], options: WriteXptOptions = {}): Uint8Array {
  const issues = new XptIssueList(options.maxIssues);
  const header = resolveHeaderFields(options, issues);
  if (!Array.isArray(datasets) || datasets.length === 0)
    issues.add('(library)', 'there is no dataset to write');
  const parts: Uint8Array[] = [encodeLibraryHeader(header)];
  const seen = new Set<string>();
  for (const [i, ds] of (Array.isArray(datasets) ? datasets : []).entries()) {
    if (typeof ds !== 'object' || ds === null) {
      issues.add(`(dataset ${i + 1})`, 'a dataset must be an object');
      continue;
    }
    const lengths = measureCharLengths(ds);
    const plan = planXptMember(ds, issues, (name) => lengths.get(name) ?? 1);
    if (seen.has(plan.name.toUpperCase()))
      issues.add(plan.name, `dataset ${plan.name} appears more than once`);
    seen.add(plan.name.toUpperCase());
    const rows: readonly XptRow[] = ds.rows;
    if (!Array.isArray(rows as unknown)) {
      issues.add(plan.name, 'rows must be an array');
      continue;
    }
    parts.push(encodeMemberHeader(plan, header));
    const encoder = new XptRowEncoder(plan, issues);
    const dataBytes = rows.length * plan.recordLength;
    const data = Buffer.alloc(dataBytes + paddingAfter(dataBytes), 0x20);
    rows.forEach((row, i) => encoder.encode(row, i, data, i * plan.recordLength));
    parts.push(data);
  }
  if (issues.count > 0) throw issues.toError();
  return Buffer.concat(parts);
}

/** Starts streaming one dataset as an XPORT v5 file to `sink` (a Writable, or a file path). */
export function createXptWriter(
  meta: XptDatasetMeta,
  sink: Writable | string,
  options: XptWriterOptions = {},
): XptWriter {
  const issues = new XptIssueList(options.maxIssues);
  const header = resolveHeaderFields(options, issues);
  const plan = planXptMember(meta, issues);
  if (issues.count > 0) throw issues.toError();
  return new StreamingXptWriter(plan, header, sink, issues, options.chunkSize ?? 1 << 20);
}

const RESOLVED = Promise.resolve();

class StreamingXptWriter implements XptWriter {
  rows = 0;
  private readonly encoder: XptRowEncoder;
  private readonly recordLength: number;
  private readonly chunkSize: number;
  private readonly out: OutputSink;
  private chunk: Buffer;
  private used = 0;
  private closed = false;

  constructor(
    plan: XptMemberPlan,
    header: XptHeaderFields,
    sink: Writable | string,
    private readonly issues: XptIssueList,
    chunkSize: number,
  ) {
    this.encoder = new XptRowEncoder(plan, issues);
    this.recordLength = plan.recordLength;
    // Whole records per chunk, at least one.
    this.chunkSize = Math.max(1, Math.floor(chunkSize / this.recordLength)) * this.recordLength;
    this.chunk = Buffer.alloc(this.chunkSize, 0x20);
    this.out = new OutputSink(sink);
    this.out.push(Buffer.concat([encodeLibraryHeader(header), encodeMemberHeader(plan, header)]));
  }

  write(row: XptRow): Promise<void> {
    if (this.closed) return Promise.reject(new Error('XPT writer: write after end() or abort()'));
    if (this.out.failure) return Promise.reject(this.out.failure);
    const flushed = this.used + this.recordLength > this.chunkSize ? this.flush() : undefined;
    this.encodeRow(row);
    return flushed ?? RESOLVED;
  }

  async writeBatch(rows: Iterable<XptRow>): Promise<void> {
    if (this.closed) throw new Error('XPT writer: write after end() or abort()');
    for (const row of rows) {
      if (this.out.failure) throw this.out.failure;
      if (this.used + this.recordLength > this.chunkSize) {
        const flushed = this.flush();
        if (flushed) await flushed;
      }
      this.encodeRow(row);
    }
  }

  async end(): Promise<XptWriteSummary> {
    if (this.closed) throw new Error('XPT writer: end() called twice or after abort()');
    this.closed = true;
    const error = this.out.failure ?? (this.issues.count > 0 ? this.issues.toError() : undefined);
    if (error) {
      await this.out.discard(error);
      throw error;
    }
    const padding = paddingAfter(this.rows * this.recordLength);
    // The chunk is blank beyond `used`, so the padding is already there when it fits.
    this.out.push(this.chunk.subarray(0, this.used + padding));
    if (this.used + padding > this.chunkSize) {
      this.out.push(Buffer.alloc(this.used + padding - this.chunkSize, 0x20));
    }
    await this.out.finish();
    return { rows: this.rows, bytes: this.out.bytes };
  }

  async abort(reason?: Error): Promise<void> {
    this.closed = true;
    await this.out.discard(reason ?? new Error('XPT export aborted'));
  }

  private encodeRow(row: XptRow): void {
    const index = this.rows++;
    if (this.issues.count > 0) {
      // The output is already invalid: keep checking the remaining rows in one scratch record.
      this.chunk.fill(0x20, 0, this.recordLength);
      this.encoder.encode(row, index, this.chunk, 0);
      return;
    }
    if (this.encoder.encode(row, index, this.chunk, this.used)) this.used += this.recordLength;
  }

  /** Sends the full chunk and starts a fresh one; returns a promise when the sink wants us to wait. */
  private flush(): Promise<void> | undefined {
    if (this.issues.count > 0) return undefined;
    const full = this.chunk.subarray(0, this.used);
    this.chunk = Buffer.alloc(this.chunkSize, 0x20);
    this.used = 0;
    return this.out.send(full);
  }
}
