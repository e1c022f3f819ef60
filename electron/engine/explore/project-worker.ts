import { Worker } from 'node:worker_threads';

import { workerScript, type WorkerScript } from '../workers/worker-script';
import type { FitSettings } from './project-fit';
import type { DocVectors } from './topics-steps';
import type { UmapJob, UmapReply } from './umap-worker-protocol';

/** File name of the worker bundle that build/bundle-electron.mjs writes beside the engine bundle. */
export const UMAP_WORKER_BUNDLE = 'umap-worker.mjs';

/** How to start the UMAP worker: `umap-worker-entry.ts` from source, `umap-worker.mjs` from a bundle. */
export function umapWorkerScript(): WorkerScript {
  return workerScript('explore/umap-worker-entry.ts', UMAP_WORKER_BUNDLE);
}

export interface FitInWorkerOptions {
  readonly signal: AbortSignal;
  readonly progress?: ((done: number, total: number, activity: string) => void) | undefined;
  /** The worker to start; default {@link umapWorkerScript} (tests start broken ones). */
  readonly script?: WorkerScript;
}

let live = 0;

/** UMAP worker threads started and not yet exited (tests check that none outlives its fit). */
export function liveUmapWorkers(): number {
  return live;
}

/**
 * Fits UMAP on `rows` (project-fit.ts) in a worker thread of its own, so the engine's event loop only
 * receives messages while it runs: in server mode a search no longer waits behind the fit. `rows.data`'s
 * buffer is transferred, not cloned: the caller hands it over (it reads as empty afterwards), so pass a
 * copy of its own. Rejects with the signal's reason when it aborts (the thread is terminated mid-fit:
 * the fit is synchronous inside it), and with an Error when the worker fails to start, crashes or the fit
 * throws. The thread is gone by the time the promise settles.
 */
export function fitUmapInWorker(
  rows: DocVectors & { readonly data: Float32Array<ArrayBuffer> },
  settings: FitSettings,
  options: FitInWorkerOptions,
): Promise<Float64Array> {
  const { signal } = options;
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- AbortSignal semantics: its reason
  if (signal.aborted) return Promise.reject(signal.reason);
  const script = options.script ?? umapWorkerScript();
  return new Promise<Float64Array>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(script.script, { eval: script.eval });
    } catch (error) {
      reject(new Error(`projecting the map: the UMAP worker did not start (${describe(error)})`, { cause: error }));
      return;
    }
    live += 1;
    let ready = false;
    let settled = false;
    // Settles once, after the thread has stopped: nothing of a fit outlives its promise.
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      void worker.terminate().then(settle, settle);
    };
    const fail = (message: string, cause?: unknown) =>
      finish(() => reject(new Error(`projecting the map: ${message}`, cause === undefined ? {} : { cause })));
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- AbortSignal semantics: its reason
    const onAbort = () => finish(() => reject(signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });

    worker.on('message', (reply: UmapReply) => {
      if (settled) return;
      if (reply.type === 'ready') {
        ready = true;
        const job: UmapJob = { rows: rows.data, n: rows.n, dims: rows.dims, settings };
        worker.postMessage(job, [rows.data.buffer]);
      } else if (reply.type === 'progress') {
        try {
          options.progress?.(reply.done, reply.total, reply.activity);
        } catch (error) {
          finish(() => reject(error instanceof Error ? error : new Error(String(error))));
        }
      } else if (reply.type === 'result') finish(() => resolve(reply.xy));
      else fail(`the UMAP fit failed (${reply.message})`);
    });
    worker.on('messageerror', (error) => fail(`a message from the UMAP worker could not be read (${error.message})`));
    worker.on('error', (error) =>
      fail(`the UMAP worker ${ready ? 'crashed' : 'did not start'} (${describe(error)})`, error),
    );
    worker.on('exit', (code) => {
      live -= 1;
      fail(`the UMAP worker ${ready ? 'stopped' : 'did not start'} (exit code ${code}) before its result`);
    });
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
