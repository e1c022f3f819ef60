import { DEFAULT_SEARCH_SETTINGS } from '../../../../shared';
import type { Migration } from './index';

/**
 * Version 5 adds the `search` section: the starting mode, the binary first-pass tier and the fusion
 * weights. Files from before start with the defaults (hybrid, no binary tier, equal weights, k = 60);
 * everything else is carried over untouched.
 */
export const migrateV4ToV5: Migration = {
  from: 4,
  describe: 'add the search section (mode, binary tier, fusion weights)',
  migrate(v4) {
    return { ...v4, version: 5, search: structuredClone(DEFAULT_SEARCH_SETTINGS) };
  },
};
