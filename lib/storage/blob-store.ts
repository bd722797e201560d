/**
 * Content-addressed blobs: a file is stored once under its sha256. The interface is what an S3-compatible store
 * would implement; this one writes under <dataDir>/blobs/ab/cd/<sha256>.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { config } from '../config.ts';

export interface BlobStore {
  put(bytes: Uint8Array): Promise<{ sha256: string; size: number }>;
  get(sha256: string): Promise<Buffer>;
  has(sha256: string): Promise<boolean>;
}

export function sha256Hex(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

export function fileBlobStore(root = path.join(config.dataDir, 'blobs')): BlobStore {
  const where = (sha: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha)) throw new Error('invalid blob id');
    return path.join(root, sha.slice(0, 2), sha.slice(2, 4), sha);
  };
  return {
    async put(bytes) {
      const sha256 = sha256Hex(bytes);
      const file = where(sha256);
      if (!fs.existsSync(file)) {
        await fs.promises.mkdir(path.dirname(file), { recursive: true });
        const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
        await fs.promises.writeFile(tmp, bytes);
        await fs.promises.rename(tmp, file);
      }
      return { sha256, size: bytes.byteLength };
    },
    get: (sha) => fs.promises.readFile(where(sha)),
    has: async (sha) => fs.existsSync(where(sha)),
  };
}
