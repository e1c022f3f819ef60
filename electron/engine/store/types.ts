import type { Table } from '@lancedb/lancedb';

import type { Precision, Task } from '../../../shared';
import type { Chunk } from '../chunk/types';
import type { ExtractErrorCode } from '../extract/types';

/**
 * The index: one LanceDB database per profile (`<dataDir>/index`). Tables:
 * - `files`  one row per known file (path is the key);
 * - `chunks` text + location + filter columns, full-text indexed (n-gram) — keyword search works
 *            without any model;
 * - `vectors_<key>` one table per embedding provenance (model checksum, variant, task, prefix, dims):
 *            chunk id → vector (+ the filter columns copied, so vector search pre-filters). A settings
 *            change fills a new table in the background while the old one keeps serving; text-matching
 *            and separation vectors (Explore) live beside retrieval ones;
 * - `meta`   schema version, the active provenance, chunker version.
 */

export type FileStatus = 'pending' | 'indexed' | 'failed' | 'skipped';

export interface FileRecord {
  readonly path: string;
  readonly root: string;
  readonly size: number;
  /** Milliseconds since the epoch. */
  readonly mtimeMs: number;
  /** sha256 hex of the bytes. */
  readonly hash: string;
  readonly status: FileStatus;
  readonly errorCode: ExtractErrorCode | null;
  readonly errorMessage: string | null;
  readonly chunkCount: number;
  readonly indexedAt: string | null;
  /** `pdf@3`: re-extract when an extractor's version changes. */
  readonly extractor: string | null;
  /** Lower-case extension without the dot, or the sniffed format for extension-less files. */
  readonly format: string;
  readonly title: string | null;
  readonly language: string | null;
}

export interface StoredChunk extends Chunk {
  /** Stable: derived from path, content hash and ordinal, so reruns replace, never duplicate. */
  readonly id: string;
  readonly path: string;
  readonly root: string;
  readonly hash: string;
  readonly format: string;
  readonly mtimeMs: number;
}

/** What a vectors table holds; two tables with equal provenance are interchangeable. */
export interface Provenance {
  readonly modelId: string;
  /** Checksum of the ONNX weights used (manifest sha256 or the fingerprint), and the variant. */
  readonly modelChecksum: string;
  readonly precision: Precision;
  readonly task: Task;
  readonly prefix: boolean;
  readonly dims: number;
  readonly chunkerVersion: number;
}

/** A vectors table: one per provenance, named `vectors_<key>`. */
export interface VectorTable {
  /** 16 hex digits of sha256 over the provenance's canonical JSON. */
  readonly key: string;
  readonly name: string;
  readonly provenance: Provenance;
  /** The LanceDB table (columns: id, path, root, format, mtime_ms, language, vector, binary). */
  readonly table: Table;
}

export interface VectorRow {
  readonly id: string;
  /** Unit length, `provenance.dims` values. */
  readonly vector: Float32Array;
  /** Sign bits, 8 per byte, most significant first; computed from `vector` when absent. */
  readonly binary?: Uint8Array;
}

export interface FileFilter {
  readonly root?: string;
  readonly status?: FileStatus;
}

export interface CommitEntry {
  /** `status` `indexed` (or `pending`, taken as indexed), `failed` or `skipped`; `chunkCount` is set from `chunks`. */
  readonly file: FileRecord;
  readonly chunks: readonly Chunk[];
}

export interface KeywordHit {
  readonly chunk: StoredChunk;
  /** BM25 over n-grams; higher is better. Comparable within one result list only. */
  readonly score: number;
}

export interface StoreStats {
  readonly files: number;
  readonly chunks: number;
  readonly byStatus: Record<FileStatus, number>;
  /** Everything under the index folder: data, indexes, old versions not yet pruned. */
  readonly bytesOnDisk: number;
  /** Rows per vectors table key. */
  readonly vectors: Record<string, number>;
}

export interface ConsistencyReport {
  /** Chunk ids present more than once, in `chunks` or in any vectors table. */
  readonly duplicateIds: number;
  /** Chunks whose file row is missing or not `indexed`. */
  readonly orphanChunks: number;
  /** Vector rows whose chunk is gone. */
  readonly orphanVectors: number;
  /** `path: chunk_count N, rows M` for every file whose recorded count differs from its rows. */
  readonly countMismatches: string[];
}

/** What `open` found and repaired. */
export interface RecoveryReport {
  /** Files left `pending` by an interrupted commit; their chunks and vectors were removed. */
  readonly pendingFiles: number;
  readonly removedChunks: number;
  readonly removedVectors: number;
  readonly migrated: number[];
}

export interface IndexInfo {
  readonly table: string;
  readonly name: string;
  /** LanceDB's index type: `FTS`, `BTree`, `IVF_PQ`, … */
  readonly type: string;
  readonly columns: string[];
  readonly indexedRows: number;
  /** Rows written since the index was built or last optimized. */
  readonly unindexedRows: number;
  /** Size of the index files, when LanceDB tracks it. */
  readonly sizeBytes: number | null;
}

/** A vectors table as `index.status` reports it. */
export interface VectorSetInfo {
  readonly provenance: Provenance;
  readonly rows: number;
  readonly floatBytes: number;
  readonly binaryBytes: number;
  readonly index: 'exact' | 'ann';
  readonly active: boolean;
}
