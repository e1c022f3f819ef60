import { describe, expect, it } from 'vitest';

import { fitUmapInWorker, liveUmapWorkers } from '../../../../electron/engine/explore/project-worker';
import { plantedDocuments as planted } from '../../../fixtures/clustered-vectors';

const SETTINGS = { seed: 7, neighbours: 5, epochs: 50, minDist: 0.1 };

/** A stand-in worker (CommonJS source run with `eval`) that says it is ready, then does `onJob` with the job. */
function standIn(onJob: string): { script: string; eval: true } {
  return {
    script:
      `const { parentPort } = require('node:worker_threads');` +
      `parentPort.once('message', (job) => { ${onJob} });` +
      `parentPort.postMessage({ type: 'ready' });`,
    eval: true,
  };
}

/** Rows of two planted clusters, in a buffer of their own (the fit takes it over). */
function rows(n = 40) {
  const { vectors } = planted(2, n, 16);
  return { ...vectors, data: new Float32Array(vectors.data) };
}

describe('fitUmapInWorker', () => {
  it('fits the rows it is handed (transferred, not copied) and leaves no thread', async () => {
    const input = rows();
    const expected = rows();
    const xy = await fitUmapInWorker(input, SETTINGS, { signal: new AbortController().signal });
    expect(xy).toHaveLength(2 * input.n);
    expect(xy.every(Number.isFinite)).toBe(true);
    // The buffer moved to the worker: the engine keeps no second copy of the rows.
    expect(input.data.byteLength).toBe(0);
    const again = await fitUmapInWorker(expected, SETTINGS, { signal: new AbortController().signal });
    expect(Array.from(again)).toEqual(Array.from(xy));
    expect(liveUmapWorkers()).toBe(0);
  }, 30_000);

  it('rejects with a clear error when the worker fails to start', async () => {
    const script = { script: `throw new Error('no such entry');`, eval: true };
    const run = fitUmapInWorker(rows(), SETTINGS, { signal: new AbortController().signal, script });
    await expect(run).rejects.toThrow(/projecting the map: the UMAP worker did not start \(no such entry\)/);
    expect(liveUmapWorkers()).toBe(0);
  });

  it('rejects with a clear error when the worker dies mid-fit', async () => {
    const script = standIn('process.exit(7);');
    const run = fitUmapInWorker(rows(), SETTINGS, { signal: new AbortController().signal, script });
    await expect(run).rejects.toThrow(/the UMAP worker stopped \(exit code 7\) before its result/);
    expect(liveUmapWorkers()).toBe(0);
  });

  it('rejects with the reason the fit failed', async () => {
    const script = standIn(`parentPort.postMessage({ type: 'error', message: 'matrix is singular' });`);
    const run = fitUmapInWorker(rows(), SETTINGS, { signal: new AbortController().signal, script });
    await expect(run).rejects.toThrow('projecting the map: the UMAP fit failed (matrix is singular)');
    expect(liveUmapWorkers()).toBe(0);
  });

  it('terminates a worker that never answers when the signal aborts', async () => {
    const script = standIn(
      `parentPort.postMessage({ type: 'progress', done: 0, total: 1, activity: 'spinning' }); for (;;) {}`,
    );
    const controller = new AbortController();
    const run = fitUmapInWorker(rows(), SETTINGS, {
      signal: controller.signal,
      script,
      progress: () => controller.abort(new Error('cancelled')),
    });
    await expect(run).rejects.toThrow('cancelled');
    expect(liveUmapWorkers()).toBe(0);
  });

  it('rejects with the error a progress listener throws', async () => {
    const run = fitUmapInWorker(rows(), SETTINGS, {
      signal: new AbortController().signal,
      progress: () => {
        throw new Error('listener broke');
      },
    });
    await expect(run).rejects.toThrow('listener broke');
    expect(liveUmapWorkers()).toBe(0);
  }, 30_000);
});
