import { binarySearch } from './binary-tier';
import type { Row } from './rows';
import { bySimilarity, scoreRows } from './score-rows';
import type { VectorTable } from './types';
import {
  ANN_DISTANCE,
  ANN_NPROBES,
  annPartitions,
  annRefineFactor,
  currentAnnIndex,
  FILTERED_EXACT_MAX_VALUES,
  type AnnIndexState,
} from './vector-index';

export interface VectorSearchOptions {
  /** Rows wanted (a positive whole number); fewer come back when the table or the filter has fewer. */
  readonly limit: number;
  /**
   * Pre-filter: raw SQL over the filter columns (`path`, `root`, `format`, `mtime_ms`, `language`),
   * built with the sql.ts helpers. Applied before ranking, so `limit` rows match it when that many exist.
   */
  readonly where?: string;
  /**
   * Binary tier: hamming first pass over the `binary` sign bits (binary-tier.ts `binaryCandidates`),
   * rescored exactly with the float `vector`. Default false.
   */
  readonly binary?: boolean;
  /**
   * Rows the IVF index hands to the refine step (re-ranked by their float vectors), in place of
   * ANN_REFINE_CANDIDATES; only with the index. Fewer is faster and finds the closest rows as well, but
   * may miss some of the top `limit` further down (vector-index.ts has the measurements).
   */
  readonly refineCandidates?: number;
}

export interface VectorHit {
  readonly id: string;
  readonly path: string;
  /** Cosine similarity to the query, in [-1, 1]: exact for every hit, whichever path found it. */
  readonly similarity: number;
}

export interface VectorSearchResult {
  /** Best first; equal similarities in id order. */
  readonly hits: VectorHit[];
  /**
   * `exact`: these are the true nearest rows (flat scan, or every row rescored). `ann`: approximate —
   * the IVF index (vector-index.ts) with LanceDB's flat scan of rows not yet in it, or the binary tier.
   */
  readonly index: 'exact' | 'ann';
}

/** The query at unit length: stored vectors are unit, so the l2 order is then the cosine order. */
function unitQuery(query: Float32Array, dims: number): Float32Array {
  if (query.length !== dims) throw new RangeError(`the query has ${query.length} dims, the table holds ${dims}`);
  let norm = 0;
  for (const value of query) norm += value * value;
  if (!Number.isFinite(norm) || norm === 0) throw new RangeError('the query vector is zero or not finite');
  const scale = 1 / Math.sqrt(norm);
  return query.map((value) => value * scale);
}

/** Flat search through LanceDB (no index of ours), or IVF_RQ with the policy's probes and refine step. */
async function lanceSearch(
  vectors: VectorTable,
  query: Float32Array,
  limit: number,
  where: string | undefined,
  ann: AnnIndexState | null,
  probes: number,
  refineCandidates?: number,
): Promise<VectorHit[]> {
  let search = vectors.table
    .query()
    .nearestTo(query)
    .column('vector')
    .distanceType(ANN_DISTANCE)
    .select(['id', 'path', '_distance'])
    .limit(limit);
  if (where !== undefined) search = search.where(where);
  // An index not built here may use another metric: search exactly rather than through it.
  search = ann
    ? search.nprobes(probes).refineFactor(annRefineFactor(limit, refineCandidates))
    : search.bypassVectorIndex();
  const rows = (await search.toArray()) as Row[];
  // Squared l2 between unit vectors is 2 − 2·cosine; the refine step makes it exact for ANN too.
  return rows
    .map((row) => ({ id: String(row['id']), path: String(row['path']), similarity: 1 - Number(row['_distance']) / 2 }))
    .sort(bySimilarity);
}

/**
 * A filtered query on an indexed table or in the binary tier. Few matching rows: read and score them
 * all (exact, cost ∝ matches). Many: the binary tier's hamming pass (LanceDB's, pre-filtered), or IVF
 * with the probes scaled by 1 / selectivity (capped at every partition), so the probed partitions hold
 * about as many matching rows as ANN_NPROBES do unfiltered.
 */
async function filteredSearch(
  vectors: VectorTable,
  query: Float32Array,
  limit: number,
  where: string,
  ann: AnnIndexState | null,
  binary: boolean,
  refineCandidates?: number,
): Promise<VectorSearchResult> {
  const matches = await vectors.table.countRows(where);
  if (matches * vectors.provenance.dims <= FILTERED_EXACT_MAX_VALUES) {
    const scan = vectors.table.query().where(where).select(['id', 'path', 'vector']);
    return { hits: matches === 0 ? [] : (await scoreRows(scan, query, limit)).hits, index: 'exact' };
  }
  if (binary) {
    const { hits, exhaustive } = await binarySearch(vectors, query, limit, where);
    return { hits, index: exhaustive ? 'exact' : 'ann' };
  }
  if (!ann) return { hits: await lanceSearch(vectors, query, limit, where, null, 0), index: 'exact' };
  const rows = ann.indexedRows + ann.unindexedRows;
  const partitions = annPartitions(ann.trainedRows ?? rows);
  const probes = Math.min(partitions, Math.max(ANN_NPROBES, Math.ceil((ANN_NPROBES * rows) / matches)));
  return { hits: await lanceSearch(vectors, query, limit, where, ann, probes, refineCandidates), index: 'ann' };
}

/**
 * Nearest rows of a vectors table to `query` (any length-`dims` vector; it is normalised). Exact while
 * the table has no ANN index of ours; with one, IVF_RQ probing ANN_NPROBES partitions and re-ranking
 * at least ANN_REFINE_CANDIDATES rows by their float vectors; with a filter, see `filteredSearch`; with
 * `binary`, binary-tier.ts. The policy and its measurements are in vector-index.ts.
 */
export async function vectorSearch(
  vectors: VectorTable,
  query: Float32Array,
  options: VectorSearchOptions,
): Promise<VectorSearchResult> {
  const { limit, where } = options;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`limit must be a positive whole number, got ${limit}`);
  }
  const unit = unitQuery(query, vectors.provenance.dims);
  try {
    const binary = options.binary === true;
    const ann = await currentAnnIndex(vectors.table);
    const { refineCandidates } = options;
    if (where !== undefined && (ann || binary))
      return await filteredSearch(vectors, unit, limit, where, ann, binary, refineCandidates);
    if (binary) {
      const { hits, exhaustive } = await binarySearch(vectors, unit, limit);
      return { hits, index: exhaustive ? 'exact' : 'ann' };
    }
    const hits = await lanceSearch(vectors, unit, limit, where, ann, ANN_NPROBES, refineCandidates);
    return { hits, index: ann ? 'ann' : 'exact' };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`vector search in ${vectors.name}: ${reason}`, { cause: error });
  }
}
