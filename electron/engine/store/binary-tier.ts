import type { Table } from '@lancedb/lancedb';

import { binaryCode } from '../encoder/vectors';
import { HammingCodes } from './hamming';
import { listValues, scoreRows, type ScoredRow } from './score-rows';
import type { VectorTable } from './types';

/**
 * The binary tier: a hamming first pass over the `binary` column's sign bits picks
 * `binaryCandidates(limit)` rows, whose float vectors are then read and scored exactly.
 *
 * 400 at least: hamming ranks coarsely at 256 bits once clusters are dense. Measured on clustered
 * data (tests/bench/search.ts), recall@10 after rescoring with 100 / 200 / 400 / 800 candidates:
 * 1 M × 256 0.711 / 0.888 / 0.994 / 1.0, 1 M × 1024 0.66 / 0.852 / 0.987 / 1.0, 100 K ≥ 0.999 with
 * 100. The depth the true top 10 needs does not grow with the limit: asked for 120 rows (the
 * Searcher's candidates) at 1 M × 256, 4 × 120 = 480 candidates kept recall@10 at 1.0 and recall@120
 * at 0.987 in 34 ms, where 40 × 120 took 86 ms for 1.0. Rescoring costs ≈ 15 µs a row here.
 */
export const BINARY_MIN_CANDIDATES = 400;
export const BINARY_OVERSAMPLE = 4;

/** Candidates of the hamming pass for a query of `limit` rows. */
export function binaryCandidates(limit: number): number {
  return Math.max(BINARY_MIN_CANDIDATES, limit * BINARY_OVERSAMPLE);
}

/**
 * The first pass scans every code, so it runs on codes held in memory (hamming.ts: ≈ 4 ms per 1 M ×
 * 256 bits, plus ≈ 5 ms to pick the nearest) and needs no index. The codes are a snapshot of one table
 * version; while they are missing or stale, LanceDB's own flat hamming search answers (71 ms at 1 M ×
 * 256, 150 ms at 1 M × 1024) and the snapshot is reloaded in the background (0.4 s and 0.7 s there) —
 * at most one load per table at a time, and not within `RELOAD_PAUSE_MS` of the last one, so queries
 * during a bulk write do not reload after every commit.
 */
const RELOAD_PAUSE_MS = 5_000;

interface CodeSnapshot {
  readonly version: number;
  readonly codes: HammingCodes;
  /** LanceDB row ids (`_rowid`) in code order, valid for `version`. */
  readonly rowIds: Float64Array;
}

interface CodeCache {
  snapshot?: CodeSnapshot;
  loading?: Promise<CodeSnapshot>;
  lastLoadEnd: number;
}

const caches = new WeakMap<Table, CodeCache>();

function cacheOf(table: Table): CodeCache {
  let cache = caches.get(table);
  if (!cache) {
    cache = { lastLoadEnd: Number.NEGATIVE_INFINITY };
    caches.set(table, cache);
  }
  return cache;
}

async function loadSnapshot(vectors: VectorTable): Promise<CodeSnapshot> {
  const { table } = vectors;
  const { dims } = vectors.provenance;
  const width = Math.ceil(dims / 8);
  const version = await table.version();
  const chunks: Uint8Array[] = [];
  const ids: number[] = [];
  for await (const batch of table.query().select(['binary']).withRowId()) {
    const codes = batch.getChild('binary');
    const rowIds = batch.getChild('_rowid');
    if (!codes || !rowIds) throw new Error('scan without binary codes or row ids');
    chunks.push(listValues(codes, width, (n) => new Uint8Array(n)).slice());
    for (const id of rowIds.toArray() as BigUint64Array) ids.push(Number(id));
  }
  const all = new Uint8Array(ids.length * width);
  let at = 0;
  for (const chunk of chunks.splice(0)) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return { version, codes: new HammingCodes(all, ids.length, dims), rowIds: Float64Array.from(ids) };
}

/**
 * Loads (or reloads, if the table changed) the in-memory codes now and waits for them; the binary tier
 * then answers from memory until the next write. Returns the memory they take, in bytes.
 */
export async function warmBinaryCodes(vectors: VectorTable): Promise<number> {
  const cache = cacheOf(vectors.table);
  const version = await vectors.table.version();
  if (cache.snapshot?.version !== version) await startLoad(vectors, cache);
  return cache.snapshot?.codes.byteLength ?? 0;
}

function startLoad(vectors: VectorTable, cache: CodeCache): Promise<CodeSnapshot> {
  cache.loading ??= loadSnapshot(vectors)
    .then((snapshot) => {
      cache.snapshot = snapshot;
      return snapshot;
    })
    .finally(() => {
      cache.loading = undefined;
      cache.lastLoadEnd = performance.now();
    });
  return cache.loading;
}

/** Row ids of the `count` codes nearest `code`, from memory; null when the snapshot is missing or stale. */
async function nearestFromMemory(vectors: VectorTable, code: Uint8Array, count: number): Promise<number[] | null> {
  const cache = cacheOf(vectors.table);
  const version = await vectors.table.version();
  const { snapshot } = cache;
  if (snapshot?.version === version) {
    return Array.from(snapshot.codes.nearest(code, count), (row) => snapshot.rowIds[row] ?? 0);
  }
  if (!cache.loading && performance.now() - cache.lastLoadEnd >= RELOAD_PAUSE_MS) {
    // Not awaited: this query is answered by LanceDB; a failed load is retried by a later query.
    startLoad(vectors, cache).catch(() => undefined);
  }
  return null;
}

async function nearestFromLance(table: Table, code: Uint8Array, count: number, where?: string): Promise<number[]> {
  let query = table
    .query()
    .nearestTo(code)
    .column('binary')
    // Hamming is accepted at runtime though the TypeScript union omits it (ENVIRONMENT.md).
    .distanceType('hamming' as 'l2')
    .select(['_distance'])
    .withRowId()
    .limit(count);
  if (where !== undefined) query = query.where(where);
  const out: number[] = [];
  for await (const batch of query) {
    const rowIds = batch.getChild('_rowid');
    if (rowIds) for (const id of rowIds.toArray() as BigUint64Array) out.push(Number(id));
  }
  return out;
}

/** Reads the candidates' float vectors and returns the best `limit` by cosine to the unit `query`. */
async function rescore(
  table: Table,
  rowIds: readonly number[],
  query: Float32Array,
  limit: number,
): Promise<ScoredRow[]> {
  if (rowIds.length === 0) return [];
  const { hits, rows } = await scoreRows(table.takeRowIds(rowIds).select(['id', 'path', 'vector']), query, limit);
  if (rows < rowIds.length) throw new StaleRowIds();
  return hits;
}

/** Row ids from a snapshot that a write (compaction, delete) made invalid between the two passes. */
class StaleRowIds extends Error {
  constructor() {
    super('candidate rows changed before rescoring');
  }
}

/**
 * Binary first pass + exact rescoring. `query` is unit length. `exhaustive`: every candidate row was
 * rescored (fewer rows than candidates), so the result is the exact top `limit`. `candidates` is for
 * the benchmark's sweep.
 */
export async function binarySearch(
  vectors: VectorTable,
  query: Float32Array,
  limit: number,
  where?: string,
  candidates = binaryCandidates(limit),
): Promise<{ hits: ScoredRow[]; exhaustive: boolean }> {
  const code = binaryCode(query);
  const count = candidates;
  const fromMemory = where === undefined ? await nearestFromMemory(vectors, code, count) : null;
  if (fromMemory) {
    try {
      return { hits: await rescore(vectors.table, fromMemory, query, limit), exhaustive: fromMemory.length < count };
    } catch {
      // A write landed between the version check and the read (row ids moved): ask LanceDB instead.
    }
  }
  for (let attempt = 0; ; attempt += 1) {
    const rowIds = await nearestFromLance(vectors.table, code, count, where);
    try {
      return { hits: await rescore(vectors.table, rowIds, query, limit), exhaustive: rowIds.length < count };
    } catch (error) {
      // Row ids moved again (a compaction between the passes): the next attempt gets fresh ones.
      if (attempt >= 2) throw error;
    }
  }
}
