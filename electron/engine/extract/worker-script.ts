import { workerScript, type WorkerScript } from '../workers/worker-script';

export type { WorkerScript };

/** File name of the worker bundle that build/bundle-electron.mjs writes beside the engine bundle. */
export const WORKER_BUNDLE = 'extract-worker.mjs';

/** How to start an extraction worker: `worker-entry.ts` from source, `extract-worker.mjs` from a bundle. */
export function extractWorkerScript(): WorkerScript {
  return workerScript('extract/worker-entry.ts', WORKER_BUNDLE);
}
