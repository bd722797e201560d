/**
 * Where a streaming writer (XPT or CSV) sends its bytes: a Node Writable, or a file path. A file is written
 * under a temporary name beside the target and renamed into place only when complete, so an export that
 * fails (invalid data, I/O error, abort) never leaves a file that looks finished.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

export class OutputSink {
  /** Bytes (or UTF-8 bytes of strings) handed to the stream so far. */
  bytes = 0;
  /** The first error the stream reported, if any. */
  failure: Error | undefined;
  private readonly stream: Writable;
  private readonly tempPath: string | undefined;
  private readonly targetPath: string | undefined;

  constructor(sink: Writable | string) {
    if (typeof sink === 'string') {
      this.targetPath = sink;
      this.tempPath = `${sink}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.partial`;
      this.stream = fs.createWriteStream(this.tempPath);
    } else {
      this.stream = sink;
    }
    // Also keeps a destroy(error) below from becoming an uncaught 'error' event.
    this.stream.on('error', (error: Error) => {
      this.failure ??= error;
    });
  }

  /** Writes; returns a promise when the stream asks the caller to wait ('drain'). */
  send(data: Uint8Array | string): Promise<void> | undefined {
    this.bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    return this.stream.write(data) ? undefined : waitForDrain(this.stream);
  }

  /** Writes without waiting for 'drain' (a stream error is still recorded in `failure`). */
  push(data: Uint8Array | string): void {
    this.send(data)?.catch(() => undefined);
  }

  /** Ends the stream, waits until everything is written and moves a file into place. */
  async finish(): Promise<void> {
    this.stream.end();
    try {
      await finished(this.stream);
      if (this.failure) throw this.failure;
    } catch (error) {
      await this.discard(error as Error);
      throw error;
    }
    if (this.tempPath && this.targetPath) await fs.promises.rename(this.tempPath, this.targetPath);
  }

  /** Abandons the output: destroys the stream (with `error` for a caller's stream), deletes a temporary file. */
  async discard(error: Error): Promise<void> {
    if (!this.stream.destroyed) this.stream.destroy(this.tempPath ? undefined : error);
    if (this.tempPath) {
      await finished(this.stream).catch(() => undefined);
      await fs.promises.rm(this.tempPath, { force: true });
    }
  }
}

function waitForDrain(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      stream.off('drain', onDrain);
      stream.off('error', onError);
      stream.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onError = (error: Error) => done(error);
    const onClose = () => done(new Error('the output stream closed before it could take more data'));
    stream.on('drain', onDrain);
    stream.on('error', onError);
    stream.on('close', onClose);
  });
}
