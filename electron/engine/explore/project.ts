import { seededRandom } from '../random';
import { insertBest } from './project-nearest';
import { fitUmapInWorker } from './project-worker';
import { breather, dotRows, sampleIndices, type DocVectors } from './topics-steps';

/**
 * UMAP is fitted on at most this many documents (a seeded sample), the rest placed beside their nearest
 * fitted ones. umap-js builds its fuzzy graph in `initializeFit`, synchronously, in sparse matrices keyed
 * by strings: measured 0.76 s at 2 000 documents, 1.7 s at 3 000 and 2.8 s at 5 000 on a shared 2-core
 * Xeon (load ≈ 7). The fit runs in a worker thread, so this no longer stalls the engine's event loop
 * (bench:explore, longest stall of a topics job at 10 K / 50 K documents: 783 / 742 ms in-thread, 89 / 127
 * ms with the worker, none of it in the map's phases), but it is still time the job waits, and the exact
 * neighbour search before it grows with the square of the sample. 2 500 anchors are plenty for a map whose
 * job is to show which topics sit near which.
 */
export const UMAP_FIT_SAMPLE = 2500;
/** Neighbours of the fuzzy graph (UMAP's default 15: local structure without shattering clusters). */
const N_NEIGHBORS = 15;
/** Optimisation epochs (the reference implementation uses 200 for large inputs, 500 for small). */
const N_EPOCHS = 200;
/** How tightly points may pack on the map (UMAP's default 0.1). */
const MIN_DIST = 0.1;
/** A placed document sits at the similarity-weighted mean of this many nearest fitted documents. */
const PLACE_NEIGHBORS = 5;

export interface ProjectOptions {
  readonly seed: number;
  readonly signal: AbortSignal;
  /** Cluster of each document: placement looks for neighbours in the same cluster first (far fewer comparisons). */
  readonly labels: Int32Array;
  /** Documents UMAP is fitted on; default {@link UMAP_FIT_SAMPLE} (tests lower it to exercise placement). */
  readonly fitSample?: number;
  readonly progress?: (done: number, total: number, activity: string) => void;
}

/**
 * 2-D coordinates (x, y per document, back to back) by UMAP (umap-js, every random choice from `seed`,
 * so the same input and seed give the same map). The sample's exact neighbours and the UMAP fit run in a
 * worker thread (project-worker.ts) that cancellation terminates; the documents outside the sample are
 * then placed here, with yields and cancellation between them.
 */
export async function projectDocuments(vectors: DocVectors, options: ProjectOptions): Promise<Float64Array> {
  const { n, dims } = vectors;
  const out = new Float64Array(2 * n);
  // Too few documents for a neighbour graph: spread them on a line, in order.
  if (n <= 3) {
    for (let i = 0; i < n; i += 1) out[2 * i] = i - (n - 1) / 2;
    return out;
  }
  const breathe = breather(options.signal);
  const random = seededRandom(options.seed ^ 0x5bd1e995);
  const fitted = sampleIndices(n, Math.max(4, options.fitSample ?? UMAP_FIT_SAMPLE), random);
  // The sample's rows, copied into a buffer of their own that is handed to the worker (transferred).
  const rows = new Float32Array(fitted.length * dims);
  fitted.forEach((index, r) => rows.set(vectors.data.subarray(index * dims, (index + 1) * dims), r * dims));
  const settings = {
    seed: Math.floor(random() * 2 ** 32),
    neighbours: Math.min(N_NEIGHBORS, fitted.length - 1),
    epochs: N_EPOCHS,
    minDist: MIN_DIST,
  };
  const xy = await fitUmapInWorker({ n: fitted.length, dims, data: rows }, settings, {
    signal: options.signal,
    progress: options.progress,
  });
  const isFitted = new Int32Array(n).fill(-1);
  fitted.forEach((index, r) => {
    isFitted[index] = r;
    out[2 * index] = xy[2 * r] ?? 0;
    out[2 * index + 1] = xy[2 * r + 1] ?? 0;
  });
  if (fitted.length < n) await placeRest(vectors, fitted, isFitted, out, options, breathe);
  return out;
}

/**
 * Places each document outside the fitted sample at the similarity-weighted mean position of its
 * nearest fitted documents of the same cluster (all fitted ones when its cluster has none in the sample).
 * Deterministic, and the cost is n × (fitted / k) cosines rather than umap-js's synchronous `transform`.
 */
async function placeRest(
  vectors: DocVectors,
  fitted: Int32Array,
  isFitted: Int32Array,
  out: Float64Array,
  options: ProjectOptions,
  breathe: () => Promise<void>,
): Promise<void> {
  const byCluster = new Map<number, number[]>();
  for (const index of fitted) {
    const label = options.labels[index] ?? 0;
    const list = byCluster.get(label);
    if (list) list.push(index);
    else byCluster.set(label, [index]);
  }
  const all = Array.from(fitted);
  const k = Math.min(PLACE_NEIGHBORS, fitted.length);
  const best = new Float64Array(k);
  const bestIndex = new Int32Array(k);
  const total = vectors.n - fitted.length;
  let done = 0;
  for (let i = 0; i < vectors.n; i += 1) {
    if ((isFitted[i] ?? -1) >= 0) continue;
    const candidates = byCluster.get(options.labels[i] ?? 0) ?? all;
    best.fill(Infinity);
    bestIndex.fill(-1);
    for (const candidate of candidates)
      insertBest(best, bestIndex, 0, k, 1 - dotRows(vectors, i, candidate), candidate);
    let x = 0;
    let y = 0;
    let weights = 0;
    for (let r = 0; r < k; r += 1) {
      const index = bestIndex[r] ?? -1;
      if (index < 0) continue;
      // Similarity as weight, floored so a far neighbour still counts a little and weights never sum to 0.
      const weight = Math.max(1e-3, 1 - (best[r] ?? 1));
      x += weight * (out[2 * index] ?? 0);
      y += weight * (out[2 * index + 1] ?? 0);
      weights += weight;
    }
    out[2 * i] = weights > 0 ? x / weights : 0;
    out[2 * i + 1] = weights > 0 ? y / weights : 0;
    done += 1;
    if (done % 1000 === 0) options.progress?.(done, total, `placing documents on the map (${done} of ${total})`);
    await breathe();
  }
}
