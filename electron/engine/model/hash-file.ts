import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

import { PolyseekError } from '../../../shared';

/** 4 MiB reads: large enough that hashing runs at disk speed, small enough to report progress and stop soon. */
const CHUNK_BYTES = 4 * 1024 * 1024;

export interface HashFileOptions {
  /** Stops between reads with CANCELLED. */
  readonly signal?: AbortSignal;
  /** Called after each read with the bytes hashed so far. */
  readonly onBytes?: (bytes: number) => void;
}

/** Lowercase hex sha256 of a file (symlinks followed, as in a Hugging Face cache snapshot). */
export async function sha256File(path: string, options: HashFileOptions = {}): Promise<string> {
  const hash = createHash('sha256');
  await readChunks(path, options, (chunk) => hash.update(chunk));
  return hash.digest('hex');
}

/**
 * The id git (and the Hugging Face hub's `ETag` for files not in LFS) gives a file's content:
 * sha1 of `blob <size>\0` followed by the bytes.
 */
export async function gitBlobSha1(path: string, size: number, options: HashFileOptions = {}): Promise<string> {
  const hash = createHash('sha1').update(`blob ${size}\0`);
  await readChunks(path, options, (chunk) => hash.update(chunk));
  return hash.digest('hex');
}

async function readChunks(path: string, options: HashFileOptions, use: (chunk: Buffer) => void): Promise<void> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let total = 0;
    for (;;) {
      if (options.signal?.aborted) throw new PolyseekError('CANCELLED', `hashing ${path} was cancelled`);
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) return;
      use(buffer.subarray(0, bytesRead));
      total += bytesRead;
      options.onBytes?.(total);
    }
  } finally {
    await handle.close();
  }
}
