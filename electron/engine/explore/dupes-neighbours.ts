import { availableParallelism } from 'node:os';

import { listValues } from '../store/score-rows';
import { sqlString } from '../store/sql';
import type { FileRecord } from '../store/types';
import type { ExactCopies } from './dupes-exact';
import type { ExploreWork } from './work';

/**
 * The near-duplicate pass: every passage of the scope asks the store's vector search (exact below the
 * ANN threshold, the IVF index above it — vector-search.ts) for its nearest passages in *other* files,
 * and the matches at or above the threshold are collected per file pair: n queries (an IVF probe, or a
 * flat scan on a table small enough to search exactly), never an n × n matrix in memory — only one scan
 * batch of vectors and the matches are held. Measured on a 2-core machine at 1024 dims: 4 K passages
 * (flat) 53 s, 10 K (IVF) 72 s.
 */

/** Other files a passage is matched against: its best passage in each of its nearest `K` files. */
export const NEIGHBOUR_FILES = 10;
/**
 * Rows one query may ask for. A query asks K rows first and more (×4) only while every row is above
 * the threshold yet fewer than K files were seen (copies of one file, a passage repeated in a file).
 */
const MAX_LIMIT = 160;
/**
 * Rows the IVF index re-ranks per query at thresholds from {@link FEW_CANDIDATES_FROM} — the automatic
 * threshold's floor — instead of every search's 300: a passage's duplicates sit far closer than the
 * rest, so the coarse first pass already ranks them near the top. Measured (bench:dupes-refine, 100 K
 * rows at 1024 dims, 1 000 planted partners at cosine 0.80–0.97): 100 rows found every partner, as 300
 * did, at 0.72× the time per query. A looser threshold given by hand keeps the default.
 */
const FEW_CANDIDATES = 100;
const FEW_CANDIDATES_FROM = 0.9;
/**
 * Queries in flight. A flat scan runs on about one core (10 K × 1024 dims: ≈ 40 ms either way on a
 * 2-core machine), so more cores answer more queries at once; 8 bounds the scan buffers held together.
 */
const CONCURRENCY = Math.max(1, Math.min(8, availableParallelism()));

/** The matches between two files, oriented by `pairKey` order (`a` < `b`); a chunk pair may repeat. */
export interface PairMatches {
  readonly a: string;
  readonly b: string;
  readonly aChunks: string[];
  readonly bChunks: string[];
  readonly similarities: number[];
}

interface Neighbour {
  readonly chunk: string;
  readonly similarity: number;
}

interface QueryPassage {
  readonly id: string;
  readonly path: string;
  readonly vector: Float32Array;
}

export interface NeighbourScan {
  readonly work: ExploreWork;
  readonly copies: ExactCopies;
  readonly threshold: number;
  /** Passages to compare (the representatives' chunk counts), for progress. */
  readonly total: number;
}

/**
 * The best passage at or above the threshold in each other file near `passage`, by representative path.
 * The first query has only the scope's filter: a `path != …` filter costs every query 15–20 % more at
 * 10 K rows (more below the ANN threshold, where an indexed table then scores the filtered rows in
 * JavaScript — vector-search.ts), and a passage rarely has many close passages in its own file. When
 * its own file does crowd the top rows, the query is asked again without it.
 */
async function neighboursOf(scan: NeighbourScan, passage: QueryPassage): Promise<Map<string, Neighbour>> {
  const { work, copies, threshold } = scan;
  const notOwn = `path != ${sqlString(passage.path)}`;
  let where = work.where;
  let limit = NEIGHBOUR_FILES;
  const refineCandidates = threshold >= FEW_CANDIDATES_FROM ? FEW_CANDIDATES : undefined;
  for (;;) {
    const { hits } = await work.store.vectorSearch(work.provenance, passage.vector, {
      limit,
      where,
      ...(refineCandidates === undefined ? {} : { refineCandidates }),
    });
    const best = new Map<string, Neighbour>();
    let own = false;
    for (const hit of hits) {
      if (hit.similarity < threshold) break; // best first: the rest are below too
      const file = copies.representative.get(hit.path);
      // Outside the scope's indexed files, or the asking file itself or one of its copies.
      if (file === undefined) continue;
      if (file === passage.path) {
        own = true;
        continue;
      }
      if (best.has(file) || best.size >= NEIGHBOUR_FILES) continue;
      best.set(file, { chunk: copies.chunkInRepresentative.get(hit.id) ?? hit.id, similarity: hit.similarity });
    }
    const last = hits.at(-1);
    const crowded = hits.length === limit && last !== undefined && last.similarity >= threshold;
    if (!crowded || best.size >= NEIGHBOUR_FILES) return best;
    if (own && where === work.where) {
      where = work.where === undefined ? notOwn : `(${work.where}) AND ${notOwn}`;
    } else if (limit < MAX_LIMIT) {
      limit = Math.min(MAX_LIMIT, limit * 4);
    } else return best;
  }
}

/** Adds each neighbour of `passage` to its file pair. */
function record(pairs: Map<string, PairMatches>, passage: QueryPassage, found: Map<string, Neighbour>): void {
  for (const [file, neighbour] of found) {
    const forward = passage.path < file;
    const [a, b] = forward ? [passage.path, file] : [file, passage.path];
    const key = `${a}\u0000${b}`;
    let pair = pairs.get(key);
    if (!pair) {
      pair = { a, b, aChunks: [], bChunks: [], similarities: [] };
      pairs.set(key, pair);
    }
    pair.aChunks.push(forward ? passage.id : neighbour.chunk);
    pair.bChunks.push(forward ? neighbour.chunk : passage.id);
    pair.similarities.push(neighbour.similarity);
  }
}

/** Runs `run` over `items` with at most `width` in flight; the first failure rejects. */
async function inPool<T>(items: readonly T[], width: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await run(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}

/**
 * Streams the scope's vectors (the runner's `where`) in LanceDB's batches and queries each
 * representative's passages: matches per file pair, keyed by `pairKey`.
 */
export async function nearPassages(
  scan: NeighbourScan,
  files: ReadonlyMap<string, FileRecord>,
): Promise<Map<string, PairMatches>> {
  const { work, copies } = scan;
  const pairs = new Map<string, PairMatches>();
  const { table } = await work.store.vectorTable(work.provenance);
  let query = table.query().select(['id', 'path', 'vector']);
  if (work.where !== undefined) query = query.where(work.where);
  const dims = work.provenance.dims;
  let done = 0;
  for await (const batch of query) {
    work.signal.throwIfAborted();
    const ids = batch.getChild('id');
    const paths = batch.getChild('path');
    const vectors = batch.getChild('vector');
    if (!ids || !paths || !vectors)
      throw new Error('reading text-matching vectors: a batch without id, path or vector');
    const values = listValues(vectors, dims, (n) => new Float32Array(n));
    const passages: QueryPassage[] = [];
    for (let row = 0; row < batch.numRows; row += 1) {
      const path = String(paths.get(row));
      // Copies are represented by their first file; files outside the scope's list are not asked.
      if (!files.has(path) || copies.representative.get(path) !== path) continue;
      // A copy: the batch's buffer is reused by the next read, and queries outlive this iteration.
      passages.push({ id: String(ids.get(row)), path, vector: values.slice(row * dims, (row + 1) * dims) });
    }
    await inPool(passages, CONCURRENCY, async (passage) => {
      work.signal.throwIfAborted();
      record(pairs, passage, await neighboursOf(scan, passage));
      done += 1;
      if (done % 64 === 0) work.progress(done, scan.total, 'comparing passages');
    });
    work.progress(done, Math.max(done, scan.total), 'comparing passages');
  }
  return pairs;
}
