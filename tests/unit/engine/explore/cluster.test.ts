import { describe, expect, it } from 'vitest';

import { clusterDocuments } from '../../../../electron/engine/explore/cluster';
import type { DocVectors } from '../../../../electron/engine/explore/topics-steps';
import { plantedDocuments as planted, purity } from '../../../fixtures/clustered-vectors';

const signal = new AbortController().signal;

describe('clusterDocuments', () => {
  it('finds the planted number of clusters by silhouette and recovers them', async () => {
    const { vectors, labels } = planted(7, 700);
    const result = await clusterDocuments(vectors, { k: null, seed: 1, signal });
    expect(result.autoK).toBe(true);
    expect(result.k).toBe(7);
    expect(purity(result.labels, labels)).toBeGreaterThan(0.95);
    expect(purity(labels, result.labels)).toBeGreaterThan(0.95);
    expect(result.silhouette).toBeGreaterThan(0.2);
    // Largest cluster first.
    const sizes = Array.from({ length: result.k }, (_, c) => result.labels.filter((l) => l === c).length);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });

  it('uses a given k, and is deterministic under the seed', async () => {
    const { vectors } = planted(5, 300);
    const a = await clusterDocuments(vectors, { k: 3, seed: 9, signal });
    const b = await clusterDocuments(vectors, { k: 3, seed: 9, signal });
    expect(a.k).toBe(3);
    expect(a.autoK).toBe(false);
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(a.silhouette).toBe(b.silhouette);
  });

  it('samples for the silhouette past 2 000 documents and still finds the clusters', async () => {
    const { vectors, labels } = planted(12, 3000, 48, 5);
    const result = await clusterDocuments(vectors, { k: null, seed: 2, signal });
    expect(result.k).toBe(12);
    expect(purity(result.labels, labels)).toBeGreaterThan(0.95);
    // Past the sample, every document is assigned by the sliced Lloyd pass: deterministic too.
    const again = await clusterDocuments(vectors, { k: 12, seed: 2, signal });
    expect(Array.from(again.labels)).toEqual(Array.from(result.labels));
  }, 60_000);

  it('handles no, one, two and three documents, and clamps k to the distinct vectors', async () => {
    const { vectors } = planted(2, 3);
    const take = (n: number): DocVectors => ({ n, dims: vectors.dims, data: vectors.data.slice(0, n * vectors.dims) });
    expect(await clusterDocuments(take(0), { k: null, seed: 1, signal })).toMatchObject({ k: 0, silhouette: null });
    for (const n of [1, 2, 3]) {
      const auto = await clusterDocuments(take(n), { k: null, seed: 1, signal });
      expect(auto.k).toBe(1);
      expect(Array.from(auto.labels)).toEqual(new Array(n).fill(0));
    }
    expect((await clusterDocuments(take(2), { k: 5, seed: 1, signal })).k).toBe(2);
    const twice = new Float32Array(8 * vectors.dims);
    for (let i = 0; i < 8; i += 1)
      twice.set(vectors.data.subarray((i % 2) * vectors.dims, ((i % 2) + 1) * vectors.dims), i * vectors.dims);
    const duplicates = await clusterDocuments({ n: 8, dims: vectors.dims, data: twice }, { k: 4, seed: 1, signal });
    expect(duplicates.k).toBe(2);
  });

  it('stops when the signal aborts', async () => {
    const { vectors } = planted(5, 500);
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    await expect(clusterDocuments(vectors, { k: null, seed: 1, signal: controller.signal })).rejects.toThrow(
      'cancelled',
    );
  });
});
