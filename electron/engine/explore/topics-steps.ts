/**
 * Small helpers the topic-map phases share: a cooperative yield with cancellation, seeded samples, and
 * the documents' vectors as one flat array.
 */

/**
 * Longest stretch of synchronous work between two yields. The engine answers searches on the same
 * event loop, so a phase that runs for seconds hands control back this often: a search waits at most
 * about this long behind a topics job, and one setImmediate per 30 ms costs nothing measurable.
 */
const SLICE_MS = 30;

/** Returns a function to call inside every loop: it throws once `signal` aborts and yields when the slice is used up. */
export function breather(signal: AbortSignal, sliceMs = SLICE_MS): () => Promise<void> {
  let last = performance.now();
  return async () => {
    signal.throwIfAborted();
    if (performance.now() - last < sliceMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    last = performance.now();
    signal.throwIfAborted();
  };
}

/** 0…n−1 in an order drawn by `random` (Fisher–Yates). */
export function permutation(n: number, random: () => number): Int32Array {
  const out = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const swap = out[i] ?? 0;
    out[i] = out[j] ?? 0;
    out[j] = swap;
  }
  return out;
}

/** `count` distinct indices of 0…n−1 chosen by `random` (partial Fisher–Yates), in ascending order. */
export function sampleIndices(n: number, count: number, random: () => number): Int32Array {
  if (count >= n) return Int32Array.from({ length: n }, (_, i) => i);
  const pool = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < count; i += 1) {
    const j = i + Math.floor(random() * (n - i));
    const swap = pool[i] ?? 0;
    pool[i] = pool[j] ?? 0;
    pool[j] = swap;
  }
  return pool.slice(0, count).sort();
}

/** `n` unit vectors of `dims` values, back to back. */
export interface DocVectors {
  readonly n: number;
  readonly dims: number;
  readonly data: Float32Array;
}

export function row(vectors: DocVectors, i: number): Float32Array {
  return vectors.data.subarray(i * vectors.dims, (i + 1) * vectors.dims);
}

/** Plain arrays, the input ml-kmeans and umap-js take. */
export function rowsAsArrays(vectors: DocVectors, indices?: ArrayLike<number>): number[][] {
  const count = indices ? indices.length : vectors.n;
  return Array.from({ length: count }, (_, r) => Array.from(row(vectors, indices ? (indices[r] ?? 0) : r)));
}

/**
 * Dot product of rows `a` and `b` of `vectors` by offset: the hot loops call it millions of times, and a
 * subarray view per call made the garbage collector a third of the neighbour search.
 */
export function dotRows(vectors: DocVectors, a: number, b: number): number {
  const { data, dims } = vectors;
  const offsetA = a * dims;
  const offsetB = b * dims;
  let sum = 0;
  for (let i = 0; i < dims; i += 1) sum += (data[offsetA + i] ?? 0) * (data[offsetB + i] ?? 0);
  return sum;
}

/** Scales `values[offset…offset+dims)` to unit length in place; an all-zero row stays zero. */
export function normaliseRow(values: Float32Array, offset: number, dims: number): void {
  let norm = 0;
  for (let i = offset; i < offset + dims; i += 1) norm += (values[i] ?? 0) ** 2;
  if (norm === 0) return;
  const scale = 1 / Math.sqrt(norm);
  for (let i = offset; i < offset + dims; i += 1) values[i] = (values[i] ?? 0) * scale;
}
