import { dotRows, type DocVectors } from './topics-steps';

/** Exact neighbour lists in the shape umap-js's `setPrecomputedKNN` takes. */
export interface NeighbourLists {
  readonly indices: number[][];
  readonly distances: number[][];
}

/**
 * Exact k nearest neighbours among all rows by cosine distance, each list starting with the row itself
 * at distance 0 (umap-js's convention: its own search returns the point first). Each pair is computed
 * once and offered to both lists. O(n² · dims) and synchronous: it runs inside the UMAP worker thread.
 */
export function nearestNeighbours(
  vectors: DocVectors,
  k: number,
  progress?: (done: number, total: number, activity: string) => void,
): NeighbourLists {
  const m = vectors.n;
  const width = k + 1;
  const best = new Float64Array(m * width).fill(Infinity);
  const bestIndex = new Int32Array(m * width).fill(-1);
  for (let i = 0; i < m; i += 1) {
    if (i % 500 === 0) progress?.(i, m, `finding neighbours for the map (${i} of ${m})`);
    insertBest(best, bestIndex, i * width, width, -1, i);
    for (let j = i + 1; j < m; j += 1) {
      const d = 1 - dotRows(vectors, i, j);
      insertBest(best, bestIndex, i * width, width, d, j);
      insertBest(best, bestIndex, j * width, width, d, i);
    }
  }
  const indices: number[][] = [];
  const distances: number[][] = [];
  for (let i = 0; i < m; i += 1) {
    indices.push(Array.from(bestIndex.subarray(i * width, (i + 1) * width)));
    distances.push(Array.from(best.subarray(i * width, (i + 1) * width), (d) => Math.max(0, d)));
  }
  return { indices, distances };
}

/** Keeps the `width` smallest distances of a list at `offset` in ascending order (insertion). */
export function insertBest(
  best: Float64Array,
  bestIndex: Int32Array,
  offset: number,
  width: number,
  d: number,
  index: number,
): void {
  let at = offset + width - 1;
  if (d >= (best[at] ?? Infinity)) return;
  while (at > offset && (best[at - 1] ?? Infinity) > d) {
    best[at] = best[at - 1] ?? Infinity;
    bestIndex[at] = bestIndex[at - 1] ?? -1;
    at -= 1;
  }
  best[at] = d;
  bestIndex[at] = index;
}
