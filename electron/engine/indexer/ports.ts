import type { PackStore } from '../answer/build-pack';
import type { Chunk, ChunkerOptions, TokenCounter } from '../chunk/types';
import type { ExtractorPool, Segment } from '../extract/types';
import type { SearchStore } from '../search/ports';
import type { FileRecord, FileStatus, Provenance, StoredChunk, VectorSetInfo } from '../store/types';

/**
 * What the indexer uses of the store, the chunker and the extractors (electron/engine/{store,chunk,extract},
 * written beside it): named here so the pipeline states its needs in one place; `default-parts.ts` binds
 * the real modules.
 */
export interface IndexStorePort {
  close(): Promise<void>;
  getFile(path: string): Promise<FileRecord | null>;
  listFiles(filter?: { root?: string; status?: FileStatus }): Promise<FileRecord[]>;
  commitFiles(entries: { file: FileRecord; chunks: Chunk[] }[]): Promise<void>;
  removeFiles(paths: string[]): Promise<void>;
  /** Records a new size/mtime for files whose content is unchanged, so the next run need not hash them again. */
  touchFiles(records: FileRecord[]): Promise<void>;
  pendingFiles(): Promise<FileRecord[]>;
  activeProvenance(): Promise<Provenance | null>;
  setActiveProvenance(p: Provenance): Promise<void>;
  chunksAwaitingVectors(p: Provenance, limit: number, afterId?: string): Promise<StoredChunk[]>;
  addVectors(p: Provenance, rows: { id: string; vector: Float32Array; binary?: Uint8Array }[]): Promise<unknown>;
  filesAwaitingVectors(p: Provenance): Promise<number>;
  ensureFtsIndex(): Promise<void>;
  /** Compacts and refreshes indexes only when unindexed rows or small fragments have piled up. */
  optimizeIfNeeded(): Promise<boolean>;
  vectorSets(): Promise<VectorSetInfo[]>;
  stats(): Promise<{ files: number; chunks: number; byStatus: Record<FileStatus, number>; bytesOnDisk: number }>;
}

export interface ChunkerPort {
  readonly version: number;
  readonly defaults: ChunkerOptions;
  chunkSegments(segments: readonly Segment[], count: TokenCounter, options?: Partial<ChunkerOptions>): Chunk[];
  /** Over-estimates, so chunks made before the model arrives never exceed its limit. */
  readonly fallbackCounter: TokenCounter;
  /** Budgets for the fallback counter (its counts run high, so its budgets do too). */
  readonly fallbackOptions: ChunkerOptions;
}

/** The modules the indexer is built from; tests and benchmarks may swap one (a slow extractor, say). */
/** The store as the engine opens it: what indexing writes and what search and answers read. */
export type OpenedStore = IndexStorePort & SearchStore & PackStore;

export interface IndexerParts {
  openStore(dir: string): Promise<OpenedStore>;
  /** Pure: the id the store gives a chunk, so vectors can follow a commit without reading chunks back. */
  readonly chunkId: (path: string, hash: string, ordinal: number) => string;
  createExtractorPool(options: { size: number; timeoutMs: number; maxMemoryMb: number }): ExtractorPool;
  readonly chunker: ChunkerPort;
}
