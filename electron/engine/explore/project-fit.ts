import { UMAP } from 'umap-js';

import { seededRandom } from '../random';
import { nearestNeighbours } from './project-nearest';
import { rowsAsArrays, type DocVectors } from './topics-steps';

/** What one UMAP fit depends on besides its rows; plain numbers, so it crosses to the worker thread as is. */
export interface FitSettings {
  /** Seed of umap-js's every random choice: the same rows and seed give the same coordinates. */
  readonly seed: number;
  /** Neighbours of the fuzzy graph (fewer than the rows). */
  readonly neighbours: number;
  /** Optimisation epochs. */
  readonly epochs: number;
  /** How tightly points may pack on the map (umap-js `minDist`). */
  readonly minDist: number;
}

/**
 * UMAP coordinates (x, y per row, back to back) of every row of `rows`. The k nearest neighbours are
 * computed exactly and handed to umap-js, so its approximate search never runs. Synchronous and
 * CPU-bound for seconds (`initializeFit` alone took 1.2–1.7 s at 2 500 rows on a shared 2-core Xeon):
 * it runs inside the UMAP worker thread (umap-worker-entry.ts), never on the engine's event loop.
 */
export function fitUmap(
  rows: DocVectors,
  settings: FitSettings,
  progress?: (done: number, total: number, activity: string) => void,
): Float64Array<ArrayBuffer> {
  const knn = nearestNeighbours(rows, settings.neighbours, progress);
  const umap = new UMAP({
    nComponents: 2,
    nNeighbors: settings.neighbours,
    nEpochs: settings.epochs,
    minDist: settings.minDist,
    random: seededRandom(settings.seed),
  });
  umap.setPrecomputedKNN(knn.indices, knn.distances);
  const epochs = umap.initializeFit(rowsAsArrays(rows));
  for (let epoch = 1; epoch <= epochs; epoch += 1) {
    umap.step();
    if (epoch % 10 === 0) progress?.(epoch, epochs, `projecting the map (UMAP epoch ${epoch} of ${epochs})`);
  }
  const embedding = umap.getEmbedding();
  const out = new Float64Array(2 * rows.n);
  for (let r = 0; r < rows.n; r += 1) {
    out[2 * r] = embedding[r]?.[0] ?? 0;
    out[2 * r + 1] = embedding[r]?.[1] ?? 0;
  }
  return out;
}
