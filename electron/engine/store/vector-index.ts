import { Index, type IndexConfig, type Table } from '@lancedb/lancedb';

import type { VectorTable } from './types';

/**
 * When a vectors table gets an ANN index, which one, and how it is queried. Every number below was
 * measured on the 2-core CI machine (Xeon, AVX-512) with LanceDB 0.31 over clustered unit vectors
 * (tests/bench/search.ts; results in tests/bench/results/search.md).
 */

/**
 * Exact search while rows × dims stays at or below this (8 M floats: 31 250 rows at 256 dims, 7 812 at
 * 1024). LanceDB's flat scan costs 2–3.5 ns per float here (p50 at 256 dims: 10 K rows 5.1 ms, 25 K
 * 12.7 ms, 50 K 25 ms; at 1024: 5 K 11 ms, 10 K 22 ms, 25 K 72 ms; 64 dims fits the same line), so
 * the cost follows rows × dims and this keeps exact search near 20 ms p50 — a sixth of the end-to-end
 * budget (120 ms) — with perfect recall. Above it the ANN index answers in 5–9 ms at 256 dims and 8–19 ms
 * at 1024 (1 M rows).
 */
export const EXACT_MAX_VALUES = 8_000_000;

/**
 * Index type: IVF_RQ (RaBitQ, 1 bit per dimension) trained with `l2`, refined with the float vectors.
 * At 200 K × 256, 20 probes (recall@10 / p50 / build / size): IVF_RQ 0.963 / 3.8 ms / 3.4 s / 10 MB,
 * IVF_PQ 0.959 / 4.5 ms / 39 s / 4.8 MB, IVF_FLAT 0.949 / 4.8 ms / 4.2 s / 206 MB (a second copy of
 * every vector), IVF_HNSW_SQ (one partition, ef 100) 0.98 / 2.3 ms / 122 s / 104 MB — with more
 * partitions it needs to probe them all. `l2`, not `dot`: LanceDB's k-means trained with `dot` made
 * partitions that capped IVF_FLAT at recall 0.77, and HNSW with `dot` returned noise (0.002). On unit
 * vectors l2² = 2 − 2·cosine, so the order is the cosine order.
 */
export const ANN_DISTANCE = 'l2' as const;

/**
 * Partitions probed. Interleaved on the same queries (recall@10 / p50) with 20 / 40 / 80 probes:
 * 1 M × 256 0.988 / 8.1 ms, 0.994 / 9.3 ms, 0.997 / 8.8 ms; 1 M × 1024 0.970 / 14.2 ms, 0.988 /
 * 18.9 ms, 0.995 / 21.4 ms; 100 K × 256 0.943, 0.971, 0.993. 40 keeps every size at 0.97 or more.
 */
export const ANN_NPROBES = 40;

/**
 * Rows re-ranked with their float vectors (LanceDB's refine step: exact distances, exact order), as a
 * factor of the limit: the larger of ANN_REFINE_CANDIDATES / limit and ANN_MIN_REFINE_FACTOR. 1-bit
 * codes rank coarsely: for the top 10 at 1 M × 256, 100 / 300 / 600 candidates gave recall@10 0.869 /
 * 0.994 / 0.996 at 5.5 / 9.3 / 11.0 ms (1024 dims: 0.843 / 0.988 / 0.993). Asked for 120 rows (the
 * Searcher's candidates) at 1 M × 256: factor 2 gave recall@120 0.885, 3 0.978, 5 0.997 (8.8 ms), 10
 * 0.997 (14.5 ms).
 */
export const ANN_REFINE_CANDIDATES = 300;
export const ANN_MIN_REFINE_FACTOR = 5;

/**
 * With a filter on an indexed table, read and score the matching rows themselves while matches × dims
 * stays at or below this (4 M floats: 15 625 rows at 256 dims). Measured at 1 M × 256: LanceDB's flat
 * search with a filter reads every row (≈ 1 s whatever the filter), scoring the matches costs ≈ 29 ms
 * + 3 µs per match (20 rows: 30 ms, 10 K: 58 ms), and IVF must probe every partition to find a narrow
 * filter's rows (one file: 43 ms, 1 %: 76 ms and recall 0.97; with 20 probes it found 5 % and 60 % of
 * them). Above it, IVF with the probes scaled by rows / matches. In the benchmark (1 M × 256, counting
 * the matches included, ≈ 15 ms): a ⅓ filter 52 ms p50 at recall 1.0, a 1 % filter (exact) 70 ms.
 */
export const FILTERED_EXACT_MAX_VALUES = 4_000_000;

/**
 * Retrain when rows grew past 2× (or fell under ½) the rows the index was trained on. LanceDB's
 * optimize files new rows into the existing partitions and never moves the centroids, so partitions
 * stay √(trained rows) and grow linearly: probing ANN_NPROBES of them reads rows / √trained codes.
 * Measured at 100 K trained → 400 K rows from new clusters, retraining did not raise recall (refreshed
 * 0.882 at 2×, 0.898 at 4×; rebuilt 0.871; p50 5.9–6.9 ms), so this is about keeping partitions at
 * ≈ √rows, not recall; doubling bounds all rebuilds of a growing index to twice the last one (1 M × 256:
 * 34 s, 1 M × 1024: 47 s; a refresh of 100–200 K rows: 1.4–2.6 s).
 */
export const ANN_REBUILD_GROWTH = 2;

/**
 * Refresh (merge new rows into the index) once rows outside it reach this many floats (2 M: 7 812 rows
 * at 256 dims, 1 953 at 1024). LanceDB scans them flat on every query — 100 K unindexed rows at 256
 * dims took an ANN query from 5.9 to 98 ms — so this bounds that to ≈ 5 ms; a refresh costs ≈ 1.4 s
 * per 100 K new rows at 256 dims.
 */
export const ANN_REFRESH_UNINDEXED_VALUES = 2_000_000;

/** Bumped when the index type or its training parameters change: older indexes are rebuilt. */
export const ANN_INDEX_VERSION = 1;

const VECTOR_COLUMN = 'vector';
const NAME_PATTERN = /^vector_ann_v(\d+)_n(\d+)$/u;

/** IVF partitions for `rows`: √rows (LanceDB's default, 1 000 at 1 M; 2 000 cost 2× the build for +0.01 recall). */
export function annPartitions(rows: number): number {
  return Math.min(4096, Math.max(2, Math.round(Math.sqrt(rows))));
}

/** Rows up to which a table of `dims` is searched exactly. */
export function exactMaxRows(dims: number): number {
  return Math.floor(EXACT_MAX_VALUES / dims);
}

/**
 * LanceDB's refine factor for a query of `limit` rows; `candidates` (a caller's own, smaller number —
 * duplicates only need rows far closer than the rest) re-ranks that many rows, and at least twice the limit.
 */
export function annRefineFactor(limit: number, candidates?: number): number {
  if (candidates !== undefined) return Math.max(2, Math.ceil(candidates / limit));
  return Math.max(ANN_MIN_REFINE_FACTOR, Math.ceil(ANN_REFINE_CANDIDATES / limit));
}

export interface AnnIndexState {
  readonly name: string;
  /** Rows the index was trained on (its partitions), from its name; null for an index this module did not build. */
  readonly trainedRows: number | null;
  /** Built by this module at the current {@link ANN_INDEX_VERSION}: its query parameters are ours. */
  readonly current: boolean;
  readonly indexedRows: number;
  readonly unindexedRows: number;
}

function stateOf(index: IndexConfig): AnnIndexState {
  const match = NAME_PATTERN.exec(index.name);
  const version = match ? Number(match[1]) : null;
  return {
    name: index.name,
    trainedRows: match ? Number(match[2]) : null,
    current: version === ANN_INDEX_VERSION,
    indexedRows: index.numIndexedRows ?? 0,
    unindexedRows: index.numUnindexedRows ?? 0,
  };
}

/** Every vector index on the `vector` column (a column holds at most one in practice; a rebuild briefly two). */
export async function annIndexes(table: Table): Promise<AnnIndexState[]> {
  const indices = await table.listIndices();
  return indices.filter((index) => index.columns.length === 1 && index.columns[0] === VECTOR_COLUMN).map(stateOf);
}

/** The index `vectorSearch` may use: one this module built at the current version, else null (search exact). */
export async function currentAnnIndex(table: Table): Promise<AnnIndexState | null> {
  return (await annIndexes(table)).find((index) => index.current) ?? null;
}

export interface EnsureVectorIndexOptions {
  /**
   * Rows up to which the table stays exact (no index). Default `floor(EXACT_MAX_VALUES / dims)`.
   * An existing index is dropped only below half of it, so a table near the line does not flap.
   */
  readonly exactMaxRows?: number;
  /** Rows outside the index that trigger a refresh. Default `ceil(ANN_REFRESH_UNINDEXED_VALUES / dims)`. */
  readonly refreshUnindexedRows?: number;
}

async function build(table: Table, rows: number, replaced: readonly AnnIndexState[]): Promise<void> {
  const name = `vector_ann_v${ANN_INDEX_VERSION}_n${rows}`;
  const config = Index.ivfRq({ distanceType: ANN_DISTANCE, numPartitions: annPartitions(rows), numBits: 1 });
  // New index first, then drop the old: queries keep an index throughout (LanceDB allows two on a column).
  await table.createIndex(VECTOR_COLUMN, { config, name, replace: true });
  for (const old of replaced) if (old.name !== name) await table.dropIndex(old.name);
}

/**
 * Brings the `vector` column's ANN index in line with the policy above and says what it did:
 * `none` (exact search; an index that no longer pays is dropped), `built`, `rebuilt` (retrained: the
 * rows doubled or halved since training, or the index is not ours/current), `refreshed` (new rows
 * merged in without retraining) or `unchanged`. The binary column gets no hamming index (hamming.ts).
 * Run it between writes (the caller serialises it with them); it can take a minute at 1 M rows.
 */
export async function ensureVectorIndex(
  vectors: VectorTable,
  options: EnsureVectorIndexOptions = {},
): Promise<VectorIndexAction> {
  const { table } = vectors;
  const { dims } = vectors.provenance;
  const threshold = options.exactMaxRows ?? exactMaxRows(dims);
  const refreshRows = options.refreshUnindexedRows ?? Math.ceil(ANN_REFRESH_UNINDEXED_VALUES / dims);
  try {
    const rows = await table.countRows();
    const existing = await annIndexes(table);
    const ours = existing.find((index) => index.current);
    if (existing.length === 0) {
      if (rows <= threshold) return 'none';
      await build(table, rows, existing);
      return 'built';
    }
    if (rows <= threshold / 2) {
      for (const index of existing) await table.dropIndex(index.name);
      return 'none';
    }
    const trained = ours?.trainedRows ?? 0;
    if (!ours || existing.length > 1 || rows > trained * ANN_REBUILD_GROWTH || rows * ANN_REBUILD_GROWTH < trained) {
      await build(table, rows, existing);
      return 'rebuilt';
    }
    if (ours.unindexedRows > 0 && ours.unindexedRows >= refreshRows) {
      await table.optimize();
      return 'refreshed';
    }
    return 'unchanged';
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`vector index of ${vectors.name}: ${reason}`, { cause: error });
  }
}

export type VectorIndexAction = 'none' | 'built' | 'rebuilt' | 'refreshed' | 'unchanged';
