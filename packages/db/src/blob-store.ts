import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Where uploaded files live (artwork images, evidence, CSV imports). The default keeps
 * them in a local directory; a deployment can swap in object storage behind the same
 * four calls.
 */
export interface BlobStore {
  /** Stores a file atomically: readers never see a half-written one. */
  put(key: string, data: Buffer | Readable): Promise<{ size: number }>;
  /** The file as a stream, or null when there is none. */
  get(key: string): Promise<Readable | null>;
  size(key: string): Promise<number | null>;
  delete(key: string): Promise<void>;
}

const SAFE_KEY = /^[a-z0-9][a-z0-9/_.-]{0,200}$/;

export function createLocalBlobStore(directory: string): BlobStore {
  const resolve = (key: string) => {
    if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`unsafe blob key: ${key}`);
    return path.join(directory, key);
  };
  return {
    async put(key, data) {
      const target = resolve(key);
      await mkdir(path.dirname(target), { recursive: true });
      const temporary = `${target}.${randomBytes(6).toString('hex')}.partial`;
      try {
        if (Buffer.isBuffer(data)) {
          await pipeline(async function* () {
            yield data;
          }, createWriteStream(temporary));
        } else {
          await pipeline(data, createWriteStream(temporary));
        }
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      return { size: (await stat(target)).size };
    },
    async get(key) {
      const target = resolve(key);
      try {
        await stat(target);
      } catch {
        return null;
      }
      return createReadStream(target);
    },
    async size(key) {
      try {
        return (await stat(resolve(key))).size;
      } catch {
        return null;
      }
    },
    async delete(key) {
      await rm(resolve(key), { force: true });
    },
  };
}

/** A fresh, unguessable key under a folder, e.g. `artworks/3f…`. */
export function newBlobKey(folder: string, extension = ''): string {
  return `${folder}/${randomBytes(16).toString('hex')}${extension}`;
}
