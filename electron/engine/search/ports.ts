import type { DeriveProgress } from '../store/derive';
import type { FileRecord, KeywordHit, Provenance, StoredChunk } from '../store/types';
import type { VectorSearchOptions, VectorSearchResult } from '../store/vector-search';

/** What search reads from the index (IndexStore implements it). */
export interface SearchStore {
  activeProvenance(): Promise<Provenance | null>;
  vectorTables(): readonly { readonly provenance: Provenance }[];
  vectorRowCount(provenance: Provenance): Promise<number>;
  keywordSearch(query: string, limit: number, where?: string): Promise<KeywordHit[]>;
  vectorSearch(provenance: Provenance, query: Float32Array, options: VectorSearchOptions): Promise<VectorSearchResult>;
  vectorsByIds(provenance: Provenance, ids: readonly string[]): Promise<Map<string, Float32Array>>;
  getChunksByIds(ids: readonly string[]): Promise<StoredChunk[]>;
  getFiles(paths: readonly string[]): Promise<FileRecord[]>;
  pathsAwaitingVectors(provenance: Provenance): Promise<string[]>;
  listFiles(filter?: { status?: FileRecord['status'] }): Promise<FileRecord[]>;
  /** Changes whenever chunks change. */
  chunksVersion(): Promise<string>;
  /** Changes whenever chunks or the provenance's vectors change: a cache key. */
  dataVersion(provenance: Provenance): Promise<string>;
  deriveVectors(
    source: Provenance,
    target: Provenance,
    options?: { signal?: AbortSignal; onProgress?: (progress: DeriveProgress) => void },
  ): Promise<DeriveProgress>;
  ensureVectorIndex(provenance: Provenance): Promise<unknown>;
}
