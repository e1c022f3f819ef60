/** The LanceDB index: files, chunks (n-gram full-text), vectors per provenance, meta. */
export { chunkId, canonicalProvenance, provenanceKey } from './ids';
export { IndexStore, type IndexStoreOptions } from './index-store';
export { FTS_CONFIG } from './fts';
export { configureLanceRuntime } from './lance-runtime';
export {
  STORE_MIGRATIONS,
  STORE_SCHEMA_VERSION,
  migrateStore,
  readSchemaVersion,
  type StoreMigration,
} from './migrations';
export { CHUNKS_TABLE, FILES_TABLE, META_TABLE, VECTORS_TABLE_PREFIX } from './schemas';
export { inBatches, sqlEquals, sqlIdentifier, sqlIn, sqlNumber, sqlStartsWith, sqlString } from './sql';
export type * from './types';
