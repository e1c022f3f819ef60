import { describe, expect, it } from 'vitest';

import { projectDocuments } from '../../../../electron/engine/explore/project';
import { liveUmapWorkers } from '../../../../electron/engine/explore/project-worker';
import { plantedDocuments as planted } from '../../../fixtures/clustered-vectors';

const signal = new AbortController().signal;

/** Mean distance on the map between points of one planted cluster, over that between points of different ones. */
function separation(xy: Float64Array, labels: Int32Array): number {
  let within = 0;
  let withinCount = 0;
  let across = 0;
  let acrossCount = 0;
  for (let i = 0; i < labels.length; i += 7) {
    for (let j = i + 1; j < labels.length; j += 5) {
      const d = Math.hypot((xy[2 * i] ?? 0) - (xy[2 * j] ?? 0), (xy[2 * i + 1] ?? 0) - (xy[2 * j + 1] ?? 0));
      if (labels[i] === labels[j]) {
        within += d;
        withinCount += 1;
      } else {
        across += d;
        acrossCount += 1;
      }
    }
  }
  return within / withinCount / (across / acrossCount);
}

describe('projectDocuments', () => {
  it('is deterministic under the seed and keeps clusters apart on the map', async () => {
    const { vectors, labels } = planted(4, 200);
    const a = await projectDocuments(vectors, { seed: 5, signal, labels });
    const b = await projectDocuments(vectors, { seed: 5, signal, labels });
    const c = await projectDocuments(vectors, { seed: 6, signal, labels });
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
    expect(a.every(Number.isFinite)).toBe(true);
    expect(separation(a, labels)).toBeLessThan(0.5);
  }, 30_000);

  it('places documents beyond the fitted sample beside their neighbours', async () => {
    const { vectors, labels } = planted(3, 1200);
    const progress: string[] = [];
    const xy = await projectDocuments(vectors, {
      seed: 1,
      signal,
      labels,
      fitSample: 100,
      progress: (_done, _total, activity) => progress.push(activity),
    });
    expect(xy.every(Number.isFinite)).toBe(true);
    expect(separation(xy, labels)).toBeLessThan(0.5);
    const again = await projectDocuments(vectors, { seed: 1, signal, labels, fitSample: 100 });
    expect(Array.from(again)).toEqual(Array.from(xy));
    expect(progress.some((line) => line.startsWith('projecting the map'))).toBe(true);
  }, 30_000);

  it('handles tiny inputs', async () => {
    const { vectors } = planted(2, 6);
    for (const n of [0, 1, 2, 3, 5, 6]) {
      const part = { n, dims: vectors.dims, data: vectors.data.slice(0, n * vectors.dims) };
      const xy = await projectDocuments(part, { seed: 1, signal, labels: new Int32Array(n) });
      expect(xy).toHaveLength(2 * n);
      expect(xy.every(Number.isFinite)).toBe(true);
    }
  });

  it('stops mid-fit when the signal aborts, leaving no worker thread behind', async () => {
    const { vectors, labels } = planted(3, 300);
    for (const phase of ['finding neighbours', 'projecting']) {
      const controller = new AbortController();
      const seen: string[] = [];
      const run = projectDocuments(vectors, {
        seed: 1,
        signal: controller.signal,
        labels,
        progress: (_done, _total, activity) => {
          seen.push(activity);
          if (activity.startsWith(phase)) controller.abort(new Error('cancelled'));
        },
      });
      await expect(run).rejects.toThrow('cancelled');
      // The thread was terminated before the fit ran to its end, and is gone once the promise settles.
      expect(seen.some((activity) => activity.includes('epoch 200 of 200'))).toBe(false);
      expect(liveUmapWorkers()).toBe(0);
    }
  }, 30_000);

  it('starts no worker when the signal has already aborted', async () => {
    const { vectors, labels } = planted(2, 20);
    const controller = new AbortController();
    controller.abort(new Error('too late'));
    await expect(projectDocuments(vectors, { seed: 1, signal: controller.signal, labels })).rejects.toThrow('too late');
    expect(liveUmapWorkers()).toBe(0);
  });

  it('fits in a worker thread: the engine thread stays mostly idle and hears progress', async () => {
    const { vectors, labels } = planted(4, 1200);
    const progress: [number, number][] = [];
    const before = performance.eventLoopUtilization();
    const xy = await projectDocuments(vectors, {
      seed: 2,
      signal,
      labels,
      progress: (done, total, activity) => {
        if (activity.startsWith('projecting')) progress.push([done, total]);
      },
    });
    const busy = performance.eventLoopUtilization(before).utilization;
    expect(xy.every(Number.isFinite)).toBe(true);
    // Fitted in-thread, the loop was busy nearly all the time (initializeFit alone blocked it for seconds).
    expect(busy).toBeLessThan(0.5);
    expect(progress.length).toBeGreaterThanOrEqual(10);
    expect(progress.at(-1)).toEqual([200, 200]);
    expect(liveUmapWorkers()).toBe(0);
  }, 60_000);
});
