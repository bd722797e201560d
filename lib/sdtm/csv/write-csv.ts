/**
 * Writes SDTM datasets as CSV (RFC 4180): a header row with the variable names in dataset order, then one
 * record per row; fields holding a comma, a double quote, CR or LF are quoted, with quotes doubled; records
 * end with CRLF (RFC 4180) unless `eol: '\n'` is asked for; UTF-8, no byte order mark.
 *
 * - Missing values (`null`, `undefined`) are empty fields.
 * - Numbers are written in plain decimal notation, never with an exponent, with the shortest digits that
 *   read back as the same double (`1e-7` is written `0.0000001`, `71` is `71`, `-0` is `0`).
 * - A value the CSV cannot hold (NaN, ±Infinity, an object) raises `CsvValueError` naming its path.
 *
 * `writeCsv` returns the whole text; `createCsvWriter` streams rows to a Node Writable or a file path in
 * chunks with backpressure, for exports of millions of rows.
 */
import type { Writable } from 'node:stream';
import type { SdtmDataset, SdtmValue, SdtmVariable } from '../dataset.ts';
import { OutputSink } from '../xpt/output-sink.ts';

export class CsvValueError extends Error {
  override readonly name = 'CsvValueError';
  constructor(
    /** `VS.VSSTRESN[12]`, row index 0-based. */
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

export interface CsvWriteOptions {
  /** Record separator. Default CRLF, as RFC 4180 says. */
  eol?: '\r\n' | '\n';
}

export interface CsvWriterOptions extends CsvWriteOptions {
  /** Characters gathered before each write to the sink. Default 256 Ki. */
  chunkSize?: number;
}

export type CsvRow = Readonly<Record<string, SdtmValue | undefined>>;

export interface CsvWriteSummary {
  rows: number;
  bytes: number;
}

export interface CsvWriter {
  /** Writes one row; resolves at once unless the sink asks to wait (backpressure). */
  write(row: CsvRow): Promise<void>;
  writeBatch(rows: Iterable<CsvRow>): Promise<void>;
  /** Flushes and closes the sink (renaming a finished file into place). */
  end(): Promise<CsvWriteSummary>;
  /** Gives up: destroys the sink and deletes an unfinished file. */
  abort(reason?: Error): Promise<void>;
  readonly rows: number;
}

const NEEDS_QUOTES = /[",\r\n]/;

/** True when the text holds a quote, comma, CR or LF (a loop beats a RegExp call on short SDTM values). */
function needsQuotes(text: string): boolean {
  if (text.length > 64) return NEEDS_QUOTES.test(text);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 44 || c === 13 || c === 10) return true;
  }
  return false;
}

/** A field as RFC 4180 wants it: quoted (quotes doubled) only when needed. */
export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Plain decimal text for a finite number: the shortest digits that read back as the same double, without
 * an exponent. Throws RangeError for NaN and ±Infinity.
 */
export function formatCsvNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`${value} cannot be written as a decimal number`);
  if (value === 0) return '0'; // also -0
  const text = String(value);
  const e = text.indexOf('e');
  if (e < 0) return text;
  const negative = text.startsWith('-');
  const mantissa = text.slice(negative ? 1 : 0, e);
  const exponent = Number(text.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  const point = (dot < 0 ? mantissa.length : dot) + exponent; // digits before the decimal point
  let plain: string;
  if (point <= 0) plain = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) plain = digits + '0'.repeat(point - digits.length);
  else plain = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${plain}` : plain;
}

class CsvRecordFormatter {
  private readonly names: string[];

  constructor(
    private readonly dataset: string,
    variables: readonly SdtmVariable[],
    private readonly eol: string,
  ) {
    this.names = variables.map((v) => v.name);
  }

  header(): string {
    return this.names.map(csvField).join(',') + this.eol;
  }

  record(row: CsvRow, index: number): string {
    let line = '';
    const names = this.names;
    for (let i = 0; i < names.length; i++) {
      if (i > 0) line += ',';
      const value = row[names[i]];
      if (typeof value === 'string') line += needsQuotes(value) ? csvField(value) : value;
      else if (typeof value === 'number') {
        if (!Number.isFinite(value)) {
          throw new CsvValueError(
            `${this.dataset}.${names[i]}[${index}]`,
            `${value} is not a value (use null)`,
          );
        }
        line += formatCsvNumber(value);
      } else if (value !== null && value !== undefined) {
        throw new CsvValueError(
          `${this.dataset}.${names[i]}[${index}]`,
          `expected a string, a number or null, got ${typeof value}`,
        );
      }
    }
    return line + this.eol;
  }
}

/** The whole dataset as CSV text. */
export function writeCsv(dataset: SdtmDataset, options: CsvWriteOptions = {}): string {
  const formatter = new CsvRecordFormatter(dataset.name, dataset.variables, options.eol ?? '\r\n');
  const parts = [formatter.header()];
  dataset.rows.forEach((row, i) => parts.push(formatter.record(row, i)));
  return parts.join('');
}

/** Starts streaming a dataset as CSV to `sink` (a Writable or a file path); the header row is written now. */
export function createCsvWriter(
  dataset: Pick<SdtmDataset, 'name' | 'variables'>,
  sink: Writable | string,
  options: CsvWriterOptions = {},
): CsvWriter {
  return new StreamingCsvWriter(dataset, sink, options);
}

const RESOLVED = Promise.resolve();

class StreamingCsvWriter implements CsvWriter {
  rows = 0;
  private readonly formatter: CsvRecordFormatter;
  private readonly out: OutputSink;
  private readonly chunkSize: number;
  /** Records not yet sent, and their total length in UTF-16 units. */
  private pending: string[] = [];
  private pendingLength = 0;
  private closed = false;

  constructor(
    dataset: Pick<SdtmDataset, 'name' | 'variables'>,
    sink: Writable | string,
    options: CsvWriterOptions,
  ) {
    this.formatter = new CsvRecordFormatter(dataset.name, dataset.variables, options.eol ?? '\r\n');
    this.chunkSize = options.chunkSize ?? 1 << 18;
    this.out = new OutputSink(sink);
    this.add(this.formatter.header());
  }

  write(row: CsvRow): Promise<void> {
    if (this.closed) return Promise.reject(new Error('CSV writer: write after end() or abort()'));
    if (this.out.failure) return Promise.reject(this.out.failure);
    try {
      this.add(this.formatter.record(row, this.rows));
    } catch (error) {
      return this.fail(error as Error);
    }
    this.rows++;
    return this.pendingLength >= this.chunkSize ? (this.flush() ?? RESOLVED) : RESOLVED;
  }

  async writeBatch(rows: Iterable<CsvRow>): Promise<void> {
    if (this.closed) throw new Error('CSV writer: write after end() or abort()');
    for (const row of rows) {
      if (this.out.failure) throw this.out.failure;
      try {
        this.add(this.formatter.record(row, this.rows));
      } catch (error) {
        return this.fail(error as Error);
      }
      this.rows++;
      if (this.pendingLength >= this.chunkSize) {
        const flushed = this.flush();
        if (flushed) await flushed;
      }
    }
  }

  async end(): Promise<CsvWriteSummary> {
    if (this.closed) throw new Error('CSV writer: end() called twice or after abort()');
    this.closed = true;
    if (this.out.failure) {
      await this.out.discard(this.out.failure);
      throw this.out.failure;
    }
    this.out.push(this.takePending());
    await this.out.finish();
    return { rows: this.rows, bytes: this.out.bytes };
  }

  async abort(reason?: Error): Promise<void> {
    this.closed = true;
    await this.out.discard(reason ?? new Error('CSV export aborted'));
  }

  private add(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
  }

  /** One string for the sink: join() allocates once, where += builds a rope that must be flattened. */
  private takePending(): string {
    const text = this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    return text;
  }

  /** A row could not be written: the output is abandoned (no half file is left) and the error thrown. */
  private async fail(error: Error): Promise<never> {
    this.closed = true;
    await this.out.discard(error);
    throw error;
  }

  private flush(): Promise<void> | undefined {
    return this.out.send(this.takePending());
  }
}
