import { statfs } from 'node:fs/promises';
import { dirname } from 'node:path';

import { formatBytes, PolyseekError } from '../../../shared';

/** Free bytes available to this user on the file system holding `dir` (injected in tests). */
export type FreeSpaceProbe = (dir: string) => Promise<number>;

/** `fs.statfs` on the folder, or its nearest existing parent (the model folder may not exist yet). */
export const statfsFreeSpace: FreeSpaceProbe = async (dir) => {
  for (let current = dir; ; current = dirname(current)) {
    try {
      const stats = await statfs(current);
      return stats.bavail * stats.bsize;
    } catch (error) {
      const parent = dirname(current);
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === current) throw error;
    }
  }
};

/**
 * Headroom kept free beyond what a job writes: a disk filled to the last byte breaks the settings file,
 * the index and the OS alike.
 */
export const DISK_HEADROOM_BYTES = 256 * 1024 * 1024;

/** Refuses with DISK_FULL before any byte is written when `needed` (plus headroom) does not fit. */
export async function ensureFreeSpace(options: {
  readonly probe: FreeSpaceProbe;
  readonly dir: string;
  readonly needed: number;
  /** What needs the space, for the message: "downloading fp32". */
  readonly purpose: string;
}): Promise<void> {
  if (options.needed <= 0) return;
  const free = await options.probe(options.dir);
  const wanted = options.needed + DISK_HEADROOM_BYTES;
  if (free < wanted) {
    throw new PolyseekError(
      'DISK_FULL',
      `${options.purpose} needs ${formatBytes(wanted)} free in ${options.dir} (${formatBytes(options.needed)} plus ` +
        `${formatBytes(DISK_HEADROOM_BYTES)} headroom); only ${formatBytes(free)} is free`,
    );
  }
}
