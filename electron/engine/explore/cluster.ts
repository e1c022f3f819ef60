import { kmeansGenerator } from 'ml-kmeans';

import { seededRandom } from '../random';
import { kmeansPlusPlus } from './topics-kmeanspp';
import { breather, dotRows, row, rowsAsArrays, sampleIndices, type DocVectors } from './topics-steps';

/** Silhouette is computed on at most this many documents: its cost is quadratic (2 000² cosines ≈ 0.3 s). */
export const SILHOUETTE_SAMPLE = 2000;
/** Largest k tried when choosing it: more clusters than this cannot be labelled or told apart on a map. */
export const MAX_AUTO_K = 30;
/**
 * Lloyd iterations at most, and the squared centre movement below which a run has converged. Past the
 * natural k, runs at ml-kmeans's defaults (100, 1e-6) crawl on while hardly any label changes, and
 * choosing k runs 29 candidates × 3 starts.
 */
const MAX_ITERATIONS = 50;
const TOLERANCE = 1e-5;
/**
 * k-means++ starts tried per k on the sample, keeping the lowest within-cluster sum of squares: one start
 * merged two of 12 planted clusters (and split another) in a test, which silhouette then punished by
 * choosing k = 10. Cheap on ≤ 2 000 documents.
 */
const STARTS = 3;

export interface ClusterOptions {
  /** Clusters wanted, or null to choose k by silhouette among 2…min(30, √n). */
  readonly k: number | null;
  readonly seed: number;
  readonly signal: AbortSignal;
  readonly progress?: (done: number, total: number, activity: string) => void;
}

export interface Clustering {
  /** Cluster of each document, 0 = the largest cluster. */
  readonly labels: Int32Array;
  /** Clusters found (no empty ones): 0 for no documents. */
  readonly k: number;
  readonly autoK: boolean;
  /** Mean cosine silhouette over the sample, null when it is undefined (one cluster, or one per document). */
  readonly silhouette: number | null;
}

/**
 * k-means (Lloyd iterations by ml-kmeans from k-means++ starts seeded by `seed`) over unit vectors: squared Euclidean distance
 * between unit vectors is 2 − 2·cosine, so this is cosine clustering. k is clamped to the number of
 * distinct vectors (k-means++ never picks a duplicate as a second start, so more would leave empty
 * clusters); fewer than 4 documents (√n < 2) make one cluster when k is automatic.
 *
 * Choosing k: each candidate k is clustered on a seeded sample of ≤ 2 000 documents and scored by the
 * sample's silhouette (the best wins, the smaller k on ties); running every candidate over 50 000
 * documents would cost 29 full k-means runs. Past the sample, Lloyd iterations over every document
 * start from the chosen sample clustering's centroids (best of 3 k-means++ starts there), converge in a
 * few iterations, and run in slices (`lloydInSlices`).
 */
export async function clusterDocuments(vectors: DocVectors, options: ClusterOptions): Promise<Clustering> {
  const { n } = vectors;
  const breathe = breather(options.signal);
  if (n === 0) return { labels: new Int32Array(0), k: 0, autoK: options.k === null, silhouette: null };
  const maxK = Math.min(n, distinctRows(vectors));
  const sample = sampleIndices(n, SILHOUETTE_SAMPLE, seededRandom(options.seed));
  const sampleMaxK = Math.min(
    sample.length,
    distinctRows({ ...vectors, n: sample.length, data: gather(vectors, sample) }),
  );
  const distances = await cosineDistances(vectors, sample, breathe);

  let k: number;
  let start: number[][] | null = null;
  // The sample's own labels for the chosen k: the answer when the sample is every document.
  let chosen: Int32Array | null = null;
  if (options.k === null) {
    const last = Math.min(MAX_AUTO_K, Math.floor(Math.sqrt(n)), maxK, sampleMaxK);
    const seeds = last >= 2 ? await seedings(vectors, sample, last, options.seed, breathe) : [];
    k = 1;
    let best = -Infinity;
    for (let candidate = 2; candidate <= last; candidate += 1) {
      options.progress?.(candidate - 2, last - 1, `choosing the number of topics (trying ${candidate})`);
      const result = await bestOfStarts(vectors, sample, candidate, seeds, breathe);
      const score = silhouette(distances, sample.length, result.labels);
      if (score > best + 1e-9) {
        best = score;
        k = candidate;
        start = result.centroids;
        chosen = result.labels;
      }
    }
  } else {
    k = Math.min(options.k, maxK);
    if (k > 1 && k <= sampleMaxK) {
      const seeds = await seedings(vectors, sample, k, options.seed, breathe);
      const result = await bestOfStarts(vectors, sample, k, seeds, breathe);
      start = result.centroids;
      chosen = result.labels;
    }
  }

  options.progress?.(0, 1, `clustering ${n} documents into ${k} topics`);
  let labels: Int32Array;
  if (k <= 1) labels = new Int32Array(n);
  else if (chosen && sample.length === n) labels = chosen;
  else {
    // k above the sample's distinct vectors (many duplicates): seed on every document instead.
    const everyone = Int32Array.from({ length: n }, (_, i) => i);
    const centres = start ?? kmeansPlusPlus(vectors, everyone, k, seededRandom(options.seed));
    labels = await lloydInSlices(vectors, centres, breathe);
  }
  const ordered = orderBySize(labels);
  options.progress?.(1, 1, `clustered ${n} documents into ${ordered.k} topics`);
  const sampleLabels = Int32Array.from(sample, (i) => ordered.labels[i] ?? 0);
  const sampleClusters = new Set(sampleLabels).size;
  const score =
    sampleClusters > 1 && sampleClusters < sample.length ? silhouette(distances, sample.length, sampleLabels) : null;
  return { labels: ordered.labels, k: ordered.k, autoK: options.k === null, silhouette: score };
}

/**
 * {@link STARTS} k-means++ seedings of `k` centres each (topics-kmeanspp.ts). k-means++ picks centres one
 * after another, so the first j of a seeding are a k-means++ seeding for j: one seeding per start serves
 * every candidate k.
 */
async function seedings(
  vectors: DocVectors,
  indices: Int32Array,
  k: number,
  seed: number,
  breathe: () => Promise<void>,
): Promise<number[][][]> {
  const out: number[][][] = [];
  for (let start = 0; start < STARTS; start += 1) {
    out.push(kmeansPlusPlus(vectors, indices, k, seededRandom(seed + start * 7919)));
    await breathe();
  }
  return out;
}

/**
 * The best k-means run over the `indices` documents by within-cluster sum of squares, one run per
 * seeding (its first `k` centres), Lloyd iterations by ml-kmeans.
 */
async function bestOfStarts(
  vectors: DocVectors,
  indices: Int32Array,
  k: number,
  seeds: readonly number[][][],
  breathe: () => Promise<void>,
): Promise<{ labels: Int32Array; centroids: number[][] }> {
  const data = rowsAsArrays(vectors, indices);
  let best: { labels: Int32Array; centroids: number[][] } | undefined;
  let bestError = Infinity;
  for (const seeding of seeds) {
    const result = await runKmeans(data, k, seeding.slice(0, k), breathe);
    let error = 0;
    data.forEach((point, i) => {
      const centroid = result.centroids[result.labels[i] ?? 0] ?? point;
      for (let d = 0; d < point.length; d += 1) error += ((point[d] ?? 0) - (centroid[d] ?? 0)) ** 2;
    });
    if (error < bestError) {
      bestError = error;
      best = result;
    }
  }
  if (!best) throw new Error(`k-means over ${data.length} documents made no start`);
  return best;
}

async function runKmeans(
  data: number[][],
  k: number,
  initialization: number[][],
  breathe: () => Promise<void>,
): Promise<{ labels: Int32Array; centroids: number[][] }> {
  let last: { clusters: number[]; centroids: number[][] } | undefined;
  // The generator runs one Lloyd iteration per step: the event loop gets a turn between them.
  for (const step of kmeansGenerator(data, k, {
    initialization,
    maxIterations: MAX_ITERATIONS,
    tolerance: TOLERANCE,
  })) {
    last = step;
    await breathe();
  }
  if (!last) throw new Error(`k-means over ${data.length} documents ran no iteration`);
  return { labels: Int32Array.from(last.clusters), centroids: last.centroids };
}

/**
 * Lloyd iterations over every document from the sample's centroids, in slices with yields between: one
 * ml-kmeans iteration over 50 000 × 128 is a single synchronous pass (measured ≈ 0.3 s of CPU, over a
 * second of stall on a loaded machine). Nearest centre by ‖c‖² − 2·x·c (x is unit length); stops when
 * no label changes, no centre moves more than {@link TOLERANCE} (squared), or after {@link MAX_ITERATIONS}. Empty clusters keep their centre, as in ml-kmeans.
 */
async function lloydInSlices(
  vectors: DocVectors,
  initial: readonly number[][],
  breathe: () => Promise<void>,
): Promise<Int32Array> {
  const { n, dims, data } = vectors;
  const k = initial.length;
  const centres = new Float64Array(k * dims);
  initial.forEach((centre, c) => centre.forEach((value, d) => (centres[c * dims + d] = value)));
  const norms = new Float64Array(k);
  const sums = new Float64Array(k * dims);
  const counts = new Int32Array(k);
  const labels = new Int32Array(n).fill(-1);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration += 1) {
    for (let c = 0; c < k; c += 1) {
      let norm = 0;
      for (let d = 0; d < dims; d += 1) norm += (centres[c * dims + d] ?? 0) ** 2;
      norms[c] = norm;
    }
    let changed = 0;
    sums.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i += 1) {
      const offset = i * dims;
      let best = 0;
      let bestScore = Infinity;
      for (let c = 0; c < k; c += 1) {
        let product = 0;
        for (let d = 0; d < dims; d += 1) product += (data[offset + d] ?? 0) * (centres[c * dims + d] ?? 0);
        const score = (norms[c] ?? 0) - 2 * product;
        if (score < bestScore) {
          bestScore = score;
          best = c;
        }
      }
      if (labels[i] !== best) changed += 1;
      labels[i] = best;
      counts[best] = (counts[best] ?? 0) + 1;
      for (let d = 0; d < dims; d += 1) sums[best * dims + d] = (sums[best * dims + d] ?? 0) + (data[offset + d] ?? 0);
      if (i % 1024 === 0) await breathe();
    }
    if (changed === 0) break;
    let moved = 0;
    for (let c = 0; c < k; c += 1) {
      const count = counts[c] ?? 0;
      if (count === 0) continue;
      let shift = 0;
      for (let d = 0; d < dims; d += 1) {
        const value = (sums[c * dims + d] ?? 0) / count;
        shift += (value - (centres[c * dims + d] ?? 0)) ** 2;
        centres[c * dims + d] = value;
      }
      moved = Math.max(moved, shift);
    }
    // ml-kmeans's criterion: a few boundary documents trading places would otherwise run every iteration.
    if (moved <= TOLERANCE) break;
  }
  return labels;
}

/** 1 − cosine between every two sampled documents (a full matrix: lookups in the silhouette loop). */
async function cosineDistances(
  vectors: DocVectors,
  sample: Int32Array,
  breathe: () => Promise<void>,
): Promise<Float32Array> {
  const m = sample.length;
  const out = new Float32Array(m * m);
  for (let i = 0; i < m; i += 1) {
    const a = sample[i] ?? 0;
    for (let j = i + 1; j < m; j += 1) {
      const d = 1 - dotRows(vectors, a, sample[j] ?? 0);
      out[i * m + j] = d;
      out[j * m + i] = d;
    }
    await breathe();
  }
  return out;
}

/**
 * Mean silhouette (Rousseeuw 1987) from a distance matrix: s(i) = (b − a) / max(a, b), a = mean distance
 * to i's own cluster, b = the smallest mean distance to another; 0 for a document alone in its cluster.
 */
export function silhouette(distances: Float32Array, m: number, labels: Int32Array): number {
  let k = 0;
  for (const label of labels) k = Math.max(k, label + 1);
  const sizes = new Int32Array(k);
  for (const label of labels) sizes[label] = (sizes[label] ?? 0) + 1;
  const sums = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < m; i += 1) {
    sums.fill(0);
    for (let j = 0; j < m; j += 1) {
      const label = labels[j] ?? 0;
      sums[label] = (sums[label] ?? 0) + (distances[i * m + j] ?? 0);
    }
    const own = labels[i] ?? 0;
    const ownSize = sizes[own] ?? 0;
    if (ownSize <= 1) continue;
    const a = (sums[own] ?? 0) / (ownSize - 1);
    let b = Infinity;
    for (let c = 0; c < k; c += 1) {
      const size = sizes[c] ?? 0;
      if (c !== own && size > 0) b = Math.min(b, (sums[c] ?? 0) / size);
    }
    if (b === Infinity) continue;
    const denominator = Math.max(a, b);
    total += denominator > 0 ? (b - a) / denominator : 0;
  }
  return total / m;
}

/** Renumbers clusters by size, largest first (ties: first document first), dropping empty ones. */
function orderBySize(labels: Int32Array): { labels: Int32Array; k: number } {
  const sizes = new Map<number, { size: number; first: number }>();
  labels.forEach((label, i) => {
    const entry = sizes.get(label);
    if (entry) entry.size += 1;
    else sizes.set(label, { size: 1, first: i });
  });
  const order = [...sizes.entries()].sort(([, a], [, b]) => b.size - a.size || a.first - b.first);
  const renumber = new Map(order.map(([label], index) => [label, index]));
  return { labels: labels.map((label) => renumber.get(label) ?? 0), k: order.length };
}

function gather(vectors: DocVectors, indices: Int32Array): Float32Array {
  const out = new Float32Array(indices.length * vectors.dims);
  indices.forEach((index, r) => out.set(row(vectors, index), r * vectors.dims));
  return out;
}

/** Distinct rows by content (FNV-1a over the bits; a collision only makes k smaller, never wrong). */
function distinctRows(vectors: DocVectors): number {
  const bits = new Uint32Array(vectors.data.buffer, vectors.data.byteOffset, vectors.data.length);
  const seen = new Set<number>();
  for (let r = 0; r < vectors.n; r += 1) {
    let hash = 0x811c9dc5;
    for (let i = r * vectors.dims; i < (r + 1) * vectors.dims; i += 1)
      hash = Math.imul(hash ^ (bits[i] ?? 0), 0x01000193);
    seen.add(hash >>> 0);
  }
  return seen.size;
}
