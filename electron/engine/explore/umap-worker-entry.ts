// Entry of the UMAP worker thread (bundled as dist/electron/umap-worker.mjs): fits one topic map off the
// engine's event loop, then the engine terminates it. Cancelling also terminates it, mid-fit.
import { parentPort } from 'node:worker_threads';

import { fitUmap } from './project-fit';
import type { UmapJob, UmapReply } from './umap-worker-protocol';

const port = parentPort;
if (!port) throw new Error('umap-worker-entry.ts runs only as a worker thread');

port.once('message', (job: UmapJob) => {
  try {
    const xy = fitUmap({ n: job.n, dims: job.dims, data: job.rows }, job.settings, (done, total, activity) =>
      port.postMessage({ type: 'progress', done, total, activity } satisfies UmapReply),
    );
    port.postMessage({ type: 'result', xy } satisfies UmapReply, [xy.buffer]);
  } catch (error) {
    port.postMessage({
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
    } satisfies UmapReply);
  }
});
port.postMessage({ type: 'ready' } satisfies UmapReply);
