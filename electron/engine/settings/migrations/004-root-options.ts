import { DEFAULT_EXCLUDE_GLOBS, DEFAULT_INCLUDE_GLOBS, DEFAULT_MAX_FILE_BYTES } from '../../../../shared';
import type { Migration } from './index';

/**
 * Version 4 gives every root its crawl options: include and exclude globs, a per-file size cap and how
 * symbolic links are treated. Roots recorded before this start with today's defaults (hidden files,
 * dependency and build folders excluded; links followed, never out of the root). Anything that is not a
 * root object is carried over as it was, so validation (not this step) decides what a damaged file loses.
 */
export const migrateV3ToV4: Migration = {
  from: 3,
  describe: 'per-root include/exclude globs, file size cap and symlink policy',
  migrate(v3) {
    const roots: unknown[] = Array.isArray(v3['roots']) ? v3['roots'] : [];
    return {
      ...v3,
      version: 4,
      roots: roots.map((root: unknown) =>
        typeof root === 'object' && root !== null && !Array.isArray(root)
          ? {
              include: [...DEFAULT_INCLUDE_GLOBS],
              exclude: [...DEFAULT_EXCLUDE_GLOBS],
              maxFileBytes: DEFAULT_MAX_FILE_BYTES,
              followSymlinks: true,
              allowOutside: false,
              ...root,
            }
          : root,
      ),
    };
  },
};
