import { createRequire } from 'node:module';

import type * as ArrowModule from 'apache-arrow';

/**
 * apache-arrow exactly as LanceDB loads it (CommonJS through `require`). Importing it as ESM gives a
 * second copy whose classes LanceDB does not recognise: `table.add()` then fails with "Table and inner
 * RecordBatch schemas must be equivalent" (ENVIRONMENT.md). Resolved from LanceDB's own location so a
 * nested copy under it would win, as it does for LanceDB.
 */
// `__filename` in the CommonJS worker bundle (where import.meta is empty), the module URL under tsx/vitest.
const here = typeof __filename === 'string' ? __filename : import.meta.url;
const requireFromLance = createRequire(createRequire(here).resolve('@lancedb/lancedb'));
export const arrow = requireFromLance('apache-arrow') as typeof ArrowModule;

export type ArrowSchema = ArrowModule.Schema;
