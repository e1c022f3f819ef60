import { createHash } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

import { PolyseekError, errorMessage } from '../../../shared';
import { PART_SUFFIX } from './model-paths';
import { isDiskFull } from './wait';

const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Copies `source` (symlinks followed) to `target` through `<target>.part`, hashing as it goes, and renames
 * it into place only when `accept(sha256)` agrees: a copy is never visible under its name half-written or
 * wrong. Returns the sha256 and size.
 */
export async function copyVerified(options: {
  readonly source: string;
  readonly target: string;
  readonly signal?: AbortSignal;
  readonly onBytes?: (bytes: number) => void;
  /** Null to accept, or why the content is refused. */
  readonly accept: (sha256: string, size: number) => string | null;
}): Promise<{ sha256: string; size: number }> {
  const part = `${options.target}${PART_SUFFIX}`;
  await mkdir(dirname(part), { recursive: true });
  const hash = createHash('sha256');
  let size = 0;
  const input = await open(options.source, 'r');
  try {
    const output = await open(part, 'w');
    try {
      const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
      for (;;) {
        if (options.signal?.aborted) throw new PolyseekError('CANCELLED', `copying ${options.source} was cancelled`);
        const { bytesRead } = await input.read(buffer, 0, CHUNK_BYTES, null);
        if (bytesRead === 0) break;
        const chunk = buffer.subarray(0, bytesRead);
        hash.update(chunk);
        await output.write(chunk);
        size += bytesRead;
        options.onBytes?.(size);
      }
      await output.sync();
    } finally {
      await output.close();
    }
  } catch (error) {
    await rm(part, { force: true });
    if (isDiskFull(error)) throw new PolyseekError('DISK_FULL', `copying to ${options.target}: ${errorMessage(error)}`);
    throw error;
  } finally {
    await input.close();
  }
  const sha256 = hash.digest('hex');
  const refusal = options.accept(sha256, size);
  if (refusal !== null) {
    await rm(part, { force: true });
    throw new PolyseekError('CHECKSUM_MISMATCH', `${options.source}: ${refusal}; not copied`);
  }
  await rename(part, options.target);
  return { sha256, size };
}
