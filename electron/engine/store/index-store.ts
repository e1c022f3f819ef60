import { mkdir } from 'node:fs/promises';

import { connect, type Connection } from '@lancedb/lancedb';

import type { Chunk } from '../chunk/types';
import { commitEntries, removePaths, upsertFiles } from './commit';
import { WriteQueue, type StoreContext } from './context';
import { deriveVectors, fixedSizeRows, type DeriveProgress } from './derive';
import { ensureFtsIndex, hasFtsIndex, keywordSearch } from './fts';
import { canonicalProvenance, provenanceKey } from './ids';
import { configureLanceRuntime } from './lance-runtime';
import { checkConsistency, optimizeTables, pendingFiles, recoverPending, storeStats } from './maintenance';
import { META_KEYS, readAllMeta, readMeta, writeMeta } from './meta';
import { migrateStore } from './migrations';
import { rowToChunk, rowToFile, type Row } from './rows';
import { CHUNKS_TABLE, FILES_TABLE, META_TABLE, VECTORS_TABLE_PREFIX } from './schemas';
import { inBatches, sqlEquals, sqlIn } from './sql';
import { touchFiles } from './touch';
import type {
  CommitEntry,
  ConsistencyReport,
  FileFilter,
  FileRecord,
  IndexInfo,
  KeywordHit,
  Provenance,
  RecoveryReport,
  StoredChunk,
  StoreStats,
  VectorRow,
  VectorSetInfo,
  VectorTable,
} from './types';
import { ensureVectorIndex, type EnsureVectorIndexOptions, type VectorIndexAction } from './vector-index';
import { vectorSearch, type VectorSearchOptions, type VectorSearchResult } from './vector-search';
import * as vectors from './vectors';

export interface IndexStoreOptions {
  /**
   * Let `optimize()` delete data files no table version references (left by a crashed write) even when
   * younger than LanceDB's 7-day safety window. Safe only while no other process has the index open.
   * Default false.
   */
  readonly deleteUnverified?: boolean;
  /** Test hook, called before each LanceDB write step with its name; throwing there simulates a crash. */
  readonly beforeStep?: (step: string) => void;
  /** Clock for `indexed_at`. Default `() => new Date()`. */
  readonly now?: () => Date;
}

function parseProvenance(json: string): Provenance | null {
  try {
    const value = JSON.parse(json) as Provenance;
    return typeof value.modelId === 'string' && typeof value.dims === 'number' ? value : null;
  } catch {
    return null;
  }
}

/**
 * The index (DESIGN.md data model): one LanceDB database in `dir`. Writes are serialised; every
 * multi-table write is ordered so a crash between any two LanceDB commits leaves files `pending`,
 * which `open` cleans (RecoveryReport). See commit.ts for the order.
 */
export class IndexStore {
  private readonly queue = new WriteQueue();
  private closed = false;

  private constructor(
    private readonly ctx: StoreContext,
    private readonly options: IndexStoreOptions,
    /** What `open` migrated and recovered. */
    readonly recovery: RecoveryReport,
  ) {}

  /** Creates or migrates the tables, opens every vectors table listed in `meta`, then recovers `pending` files. */
  static async open(dir: string, options: IndexStoreOptions = {}): Promise<IndexStore> {
    await mkdir(dir, { recursive: true });
    configureLanceRuntime();
    let db: Connection;
    try {
      db = await connect(dir);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`opening the index at ${dir}: ${reason}`, { cause: error });
    }
    try {
      const migrated = await migrateStore(db);
      const [files, chunks, meta] = await Promise.all([
        db.openTable(FILES_TABLE),
        db.openTable(CHUNKS_TABLE),
        db.openTable(META_TABLE),
      ]);
      const ctx: StoreContext = {
        dir,
        db,
        files,
        chunks,
        meta,
        vectorTables: new Map(),
        beforeStep: options.beforeStep ?? (() => undefined),
      };
      const tableNames = new Set(await db.tableNames());
      for (const [key, value] of await readAllMeta(meta)) {
        if (!key.startsWith(META_KEYS.vectorsPrefix)) continue;
        const provenance = parseProvenance(value);
        const name = `${VECTORS_TABLE_PREFIX}${key.slice(META_KEYS.vectorsPrefix.length)}`;
        if (!provenance || !tableNames.has(name)) continue;
        await vectors.openVectorTable(ctx, provenance);
      }
      const recovered = await recoverPending(ctx);
      return new IndexStore(ctx, options, {
        pendingFiles: recovered.files,
        removedChunks: recovered.chunks,
        removedVectors: recovered.vectors,
        migrated,
      });
    } catch (error) {
      db.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.queue.run(() => Promise.resolve());
    this.closed = true;
    for (const table of this.ctx.vectorTables.values()) table.table.close();
    this.ctx.files.close();
    this.ctx.chunks.close();
    this.ctx.meta.close();
    this.ctx.db.close();
  }

  private write<T>(work: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the index store is closed'));
    return this.queue.run(work);
  }

  // ── files ───────────────────────────────────────────────────────────────────────────────────────

  async getFile(path: string): Promise<FileRecord | null> {
    const rows = (await this.ctx.files.query().where(sqlEquals('path', path)).limit(1).toArray()) as Row[];
    return rows[0] ? rowToFile(rows[0]) : null;
  }

  /** The file rows of `paths` that exist, in no particular order. */
  async getFiles(paths: readonly string[]): Promise<FileRecord[]> {
    const out: FileRecord[] = [];
    for (const batch of inBatches([...new Set(paths)])) {
      const rows = (await this.ctx.files.query().where(sqlIn('path', batch)).toArray()) as Row[];
      out.push(...rows.map(rowToFile));
    }
    return out;
  }

  async listFiles(filter: FileFilter = {}): Promise<FileRecord[]> {
    const predicates: string[] = [];
    if (filter.root !== undefined) predicates.push(sqlEquals('root', filter.root));
    if (filter.status !== undefined) predicates.push(sqlEquals('status', filter.status));
    let query = this.ctx.files.query();
    if (predicates.length > 0) query = query.where(predicates.join(' AND '));
    const rows = (await query.toArray()) as Row[];
    return rows.map(rowToFile).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** Marks files `pending` (inserting unknown ones) before their chunks are written. */
  markPending(files: readonly FileRecord[]): Promise<void> {
    return this.write(() =>
      upsertFiles(
        this.ctx,
        files.map((file) => ({ ...file, status: 'pending' as const })),
      ),
    );
  }

  /** One commit for many files; see commit.ts for the crash-safe order. */
  commitFiles(entries: readonly { file: FileRecord; chunks: readonly Chunk[] }[]): Promise<void> {
    const now = this.options.now ?? (() => new Date());
    return this.write(() => commitEntries(this.ctx, entries as readonly CommitEntry[], now()));
  }

  /** File rows, chunks and vectors of every table. */
  removeFiles(paths: readonly string[]): Promise<void> {
    return this.write(() => removePaths(this.ctx, paths));
  }

  /**
   * Records a new size/mtime for files whose hash is unchanged (rows, and the chunks' and vectors'
   * `mtime_ms`), keeping their chunks and vectors. `touchedPaths` says which were updated.
   */
  async touchFiles(records: readonly FileRecord[]): Promise<void> {
    await this.touchedPaths(records);
  }

  /** `touchFiles`, returning the paths whose rows changed (stored with the same hash, new size or mtime). */
  touchedPaths(records: readonly FileRecord[]): Promise<string[]> {
    return this.write(() => touchFiles(this.ctx, records));
  }

  pendingFiles(): Promise<FileRecord[]> {
    return pendingFiles(this.ctx);
  }

  async getChunks(path: string): Promise<StoredChunk[]> {
    const rows = (await this.ctx.chunks.query().where(sqlEquals('path', path)).toArray()) as Row[];
    return rows.map(rowToChunk).sort((a, b) => a.ordinal - b.ordinal);
  }

  /** The chunks of `ids` that exist, in no particular order. */
  async getChunksByIds(ids: readonly string[]): Promise<StoredChunk[]> {
    const out: StoredChunk[] = [];
    for (const batch of inBatches([...new Set(ids)])) {
      const rows = (await this.ctx.chunks.query().where(sqlIn('id', batch)).toArray()) as Row[];
      out.push(...rows.map(rowToChunk));
    }
    return out;
  }

  /** Version of the chunks table: a cache key for what depends on it. */
  async chunksVersion(): Promise<string> {
    return String(await this.ctx.chunks.version());
  }

  /** Versions of the chunks table and of a vectors table: a cache key for what depends on both. */
  async dataVersion(provenance: Provenance): Promise<string> {
    const vectorsTable = await this.vectorTable(provenance);
    return `${await this.ctx.chunks.version()}:${await vectorsTable.table.version()}`;
  }

  // ── vectors ─────────────────────────────────────────────────────────────────────────────────────

  /** The vectors table of a provenance, created on first use. */
  vectorTable(provenance: Provenance): Promise<VectorTable> {
    const known = this.ctx.vectorTables.get(provenanceKey(provenance));
    return known ? Promise.resolve(known) : this.write(() => vectors.openVectorTable(this.ctx, provenance));
  }

  /** Every vectors table this index holds. */
  vectorTables(): VectorTable[] {
    return [...this.ctx.vectorTables.values()];
  }

  async activeProvenance(): Promise<Provenance | null> {
    const value = await readMeta(this.ctx.meta, META_KEYS.activeProvenance);
    return value === null ? null : parseProvenance(value);
  }

  setActiveProvenance(provenance: Provenance): Promise<void> {
    return this.write(async () => {
      await vectors.openVectorTable(this.ctx, provenance);
      await writeMeta(this.ctx.meta, META_KEYS.activeProvenance, canonicalProvenance(provenance));
    });
  }

  /**
   * Chunks lacking a vector for `provenance`, in id order after `afterId`: the embed job's cursor.
   * `where` narrows the chunks looked at (SQL over the chunks table: path, root, ordinal…).
   */
  chunksAwaitingVectors(
    provenance: Provenance,
    limit: number,
    afterId?: string,
    where?: string,
  ): Promise<StoredChunk[]> {
    return this.write(() => vectors.chunksAwaitingVectors(this.ctx, provenance, limit, afterId, where));
  }

  /** Upserts vectors by chunk id; ids whose chunk is gone are dropped. Returns rows written. */
  addVectors(provenance: Provenance, rows: readonly VectorRow[]): Promise<number> {
    return this.write(() => vectors.addVectors(this.ctx, provenance, rows));
  }

  /**
   * Nearest chunks to `query` (unit length, the provenance's dims) by cosine: exact below the ANN
   * threshold, else the IVF index; `binary` runs a hamming first pass rescored with the floats.
   */
  async vectorSearch(
    provenance: Provenance,
    query: Float32Array,
    options: VectorSearchOptions,
  ): Promise<VectorSearchResult> {
    return vectorSearch(await this.vectorTable(provenance), query, options);
  }

  /** Stored vectors of `ids` (those that have one) under `provenance`. */
  async vectorsByIds(provenance: Provenance, ids: readonly string[]): Promise<Map<string, Float32Array>> {
    const { table } = await this.vectorTable(provenance);
    const out = new Map<string, Float32Array>();
    for (const batch of inBatches([...new Set(ids)])) {
      for await (const rows of table.query().where(sqlIn('id', batch)).select(['id', 'vector'])) {
        const idColumn = rows.getChild('id');
        const vectorColumn = rows.getChild('vector');
        if (!idColumn || !vectorColumn) continue;
        const values = fixedSizeRows(vectorColumn, provenance.dims);
        for (let i = 0; i < rows.numRows; i += 1) {
          const vector = values[i];
          if (vector) out.set(String(idColumn.get(i)), vector);
        }
      }
    }
    return out;
  }

  /**
   * About `count` stored vectors spread over the whole table: chunk ids are sha256 hex, so the ids below a
   * threshold are a uniform sample, the same one every time (no ORDER BY random() over the table).
   * `where` samples only the rows it selects.
   */
  async sampleVectors(provenance: Provenance, count: number, where?: string): Promise<Float32Array[]> {
    const { table } = await this.vectorTable(provenance);
    const rows = await table.countRows(where);
    if (rows === 0 || count <= 0) return [];
    // Twice the share wanted: the threshold is a cut through random ids, so the count it yields varies.
    const share = Math.min(1, (2 * count) / rows);
    let query = table.query().select(['vector']).limit(count);
    if (share < 1) {
      const digits = 8;
      const threshold = Math.ceil(share * 16 ** digits)
        .toString(16)
        .padStart(digits, '0');
      query = query.where(where ? `(${where}) AND id < '${threshold}'` : `id < '${threshold}'`);
    } else if (where) {
      query = query.where(where);
    }
    const out: Float32Array[] = [];
    for await (const batch of query) {
      const column = batch.getChild('vector');
      if (!column) continue;
      for (const vector of fixedSizeRows(column, provenance.dims)) if (vector) out.push(vector);
    }
    return out;
  }

  /** Builds, refreshes or retrains the ANN index of a vectors table as its size calls for (vector-index.ts). */
  async ensureVectorIndex(provenance: Provenance, options?: EnsureVectorIndexOptions): Promise<VectorIndexAction> {
    const table = await this.vectorTable(provenance);
    return this.write(() => ensureVectorIndex(table, options));
  }

  /** Every vectors table with its rows, sizes and whether an ANN index serves it. */
  async vectorSets(): Promise<VectorSetInfo[]> {
    const active = await this.activeProvenance();
    const activeKey = active ? provenanceKey(active) : null;
    return Promise.all(
      this.vectorTables().map(async ({ key, provenance, table }) => {
        const rows = await table.countRows();
        const indices = await table.listIndices();
        const ann = indices.some((index) => index.columns.includes('vector') && index.indexType !== 'BTree');
        return {
          provenance,
          rows,
          floatBytes: rows * provenance.dims * 4,
          binaryBytes: rows * Math.ceil(provenance.dims / 8),
          index: ann ? ('ann' as const) : ('exact' as const),
          active: key === activeKey,
        };
      }),
    );
  }

  /** Rows in the vectors table of `provenance` (0 when it has none yet), optionally only those `where` selects. */
  async vectorRowCount(provenance: Provenance, where?: string): Promise<number> {
    const known = this.ctx.vectorTables.get(provenanceKey(provenance));
    return known ? known.table.countRows(where) : 0;
  }

  /**
   * Fills the vectors of `target` from `source` (same provenance, more dims) by truncation — never the
   * encoder. Resumable (only missing ids), each batch committed on its own so searches and indexing
   * interleave with a long derivation.
   */
  async deriveVectors(
    source: Provenance,
    target: Provenance,
    options: { signal?: AbortSignal; onProgress?: (progress: DeriveProgress) => void } = {},
  ): Promise<DeriveProgress> {
    const from = await this.vectorTable(source);
    await this.vectorTable(target);
    return deriveVectors(this.ctx, from, target, { ...options, write: (p, rows) => this.addVectors(p, rows) });
  }

  /** How many indexed files have at least one chunk without a vector for `provenance`. */
  async filesAwaitingVectors(provenance: Provenance): Promise<number> {
    return (await this.pathsAwaitingVectors(provenance)).length;
  }

  /** The paths behind `filesAwaitingVectors`, sorted (for the UI's "awaiting vectors" list). */
  pathsAwaitingVectors(provenance: Provenance): Promise<string[]> {
    // A table already open is only read: no need to queue behind writes (LanceDB reads a snapshot),
    // which keeps search answering while a long indexing commit runs.
    if (this.ctx.vectorTables.has(provenanceKey(provenance))) return vectors.filesAwaitingVectors(this.ctx, provenance);
    return this.write(() => vectors.filesAwaitingVectors(this.ctx, provenance));
  }

  // ── keyword + maintenance ───────────────────────────────────────────────────────────────────────

  /** Builds the n-gram full-text index over chunk text if missing (or built with other settings). */
  async ensureFtsIndex(): Promise<void> {
    await this.write(() => ensureFtsIndex(this.ctx));
  }

  /** `where`: optional raw SQL pre-filter over chunk columns, built with the sql.ts helpers. */
  async keywordSearch(query: string, limit: number, where?: string): Promise<KeywordHit[]> {
    if (!(await hasFtsIndex(this.ctx))) await this.ensureFtsIndex();
    return keywordSearch(this.ctx, query, limit, where);
  }

  /** Compaction, index refresh (FTS + key b-trees) and pruning of old versions, after bulk writes. */
  optimize(): Promise<void> {
    return this.write(() => optimizeTables(this.ctx, this.options.deleteUnverified ?? false));
  }

  /** Every index of every table with its coverage (rows not yet folded in are still searched, flat). */
  async indexes(): Promise<IndexInfo[]> {
    const tables = [this.ctx.files, this.ctx.chunks, ...this.vectorTables().map((vectors) => vectors.table)];
    const out: IndexInfo[] = [];
    for (const table of tables) {
      for (const index of await table.listIndices()) {
        const stats = index.numIndexedRows === undefined ? await table.indexStats(index.name) : undefined;
        out.push({
          table: table.name,
          name: index.name,
          type: index.indexType,
          columns: [...index.columns],
          indexedRows: index.numIndexedRows ?? stats?.numIndexedRows ?? 0,
          unindexedRows: index.numUnindexedRows ?? stats?.numUnindexedRows ?? 0,
          sizeBytes: index.sizeBytes ?? null,
        });
      }
    }
    return out;
  }

  /**
   * `optimize()` when it pays: rows outside the n-gram index are searched flat (measured: 2 200 such
   * 1.5 KB rows beside 20 000 indexed ones took keyword search from 12 to 217 ms p50), and every
   * commit leaves small fragments (LanceDB advises compacting after ~20 writes). Call it after each
   * commit of a bulk run; it returns whether it optimized.
   */
  async optimizeIfNeeded(thresholds: { unindexedRows?: number; smallFragments?: number } = {}): Promise<boolean> {
    const { unindexedRows = 1000, smallFragments = 20 } = thresholds;
    const fts = (await this.ctx.chunks.listIndices()).find((index) => index.indexType === 'FTS');
    const chunkRows = await this.ctx.chunks.countRows();
    const unindexed = fts ? (fts.numUnindexedRows ?? 0) : chunkRows;
    const fragments = (await this.ctx.chunks.stats()).fragmentStats.numSmallFragments;
    if (unindexed < unindexedRows && fragments < smallFragments) return false;
    await this.optimize();
    return true;
  }

  stats(): Promise<StoreStats> {
    return storeStats(this.ctx);
  }

  checkConsistency(): Promise<ConsistencyReport> {
    return this.write(() => checkConsistency(this.ctx));
  }
}
