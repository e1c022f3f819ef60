import { describe, expect, it } from 'vitest';

import { buildSpatialIndex, nearestPoint } from '../../../../../renderer/src/pages/explore/spatial-index';

/** A seeded generator, so the brute-force comparison sees the same points every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

function bruteNearest(xs: Float32Array, ys: Float32Array, x: number, y: number, radius: number): number {
  let best = -1;
  let bestDistance = radius * radius;
  for (let i = 0; i < xs.length; i += 1) {
    const d = ((xs[i] ?? 0) - x) ** 2 + ((ys[i] ?? 0) - y) ** 2;
    if (d < bestDistance || (d === bestDistance && i > best)) {
      best = i;
      bestDistance = d;
    }
  }
  return best;
}

describe('the spatial index of the map', () => {
  it('finds the nearest point within the radius, as a full scan would', () => {
    const next = random(7);
    const n = 5000;
    const xs = new Float32Array(n);
    const ys = new Float32Array(n);
    for (let i = 0; i < n; i += 1) {
      // Clustered, as maps are: four blobs and some spread.
      const blob = i % 5;
      xs[i] = blob === 4 ? next() * 40 - 20 : blob * 8 + (next() - 0.5) * 3;
      ys[i] = blob === 4 ? next() * 40 - 20 : (blob % 2) * 6 + (next() - 0.5) * 3;
    }
    const index = buildSpatialIndex(xs, ys, n);
    for (let q = 0; q < 500; q += 1) {
      const [x, y] = [next() * 50 - 25, next() * 50 - 25];
      const radius = [0.05, 0.3, 2][q % 3] ?? 0.3;
      expect(nearestPoint(index, x, y, radius)).toBe(bruteNearest(xs, ys, x, y, radius));
    }
  });

  it('answers -1 when nothing is near, and copes with no points and with one', () => {
    const none = buildSpatialIndex(new Float32Array(0), new Float32Array(0), 0);
    expect(nearestPoint(none, 0, 0, 10)).toBe(-1);
    const one = buildSpatialIndex(Float32Array.of(3), Float32Array.of(4), 1);
    expect(nearestPoint(one, 3.1, 4, 0.5)).toBe(0);
    expect(nearestPoint(one, 30, 40, 0.5)).toBe(-1);
  });

  it('indexes only the points received so far (columns are allocated for all)', () => {
    const xs = Float32Array.of(0, 1, 0, 0);
    const ys = Float32Array.of(0, 1, 0, 0);
    const index = buildSpatialIndex(xs, ys, 2);
    expect(nearestPoint(index, 0.1, 0.1, 1)).toBe(0);
    expect(index.order).toHaveLength(2);
  });

  it('stays fast for 50 000 points', () => {
    const next = random(3);
    const n = 50_000;
    const xs = Float32Array.from({ length: n }, () => next() * 100);
    const ys = Float32Array.from({ length: n }, () => next() * 100);
    const built = performance.now();
    const index = buildSpatialIndex(xs, ys, n);
    const buildMs = performance.now() - built;
    const queried = performance.now();
    for (let q = 0; q < 10_000; q += 1) nearestPoint(index, next() * 100, next() * 100, 0.5);
    const queryMs = performance.now() - queried;
    // Generous bounds (shared CI machines): a full scan per query would take seconds here.
    expect(buildMs).toBeLessThan(200);
    expect(queryMs).toBeLessThan(500);
  });
});
