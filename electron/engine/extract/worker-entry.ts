// Entry of one extraction worker thread (bundled as dist/electron/extract-worker.mjs). Runs jobs one at a
// time; the pool enforces time and memory limits by terminating the thread.
import { parentPort, resourceLimits } from 'node:worker_threads';

import { extractFile } from './extract-file';
import { ExtractError } from './types';
import type { ExtractJob, WorkerReply } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('worker-entry.ts runs only as a worker thread');

const heapMb = resourceLimits.maxOldGenerationSizeMb;
const heapBytes = heapMb && heapMb > 0 ? heapMb * 1024 * 1024 : undefined;

port.on('message', (job: ExtractJob) => {
  void extractFile(job.path, { maxBytes: job.maxBytes, ...(heapBytes ? { heapBytes } : {}) }).then(
    (value) => port.postMessage({ type: 'result', id: job.id, value } satisfies WorkerReply),
    (error: unknown) => {
      const known = error instanceof ExtractError;
      port.postMessage({
        type: 'error',
        id: job.id,
        code: known ? error.code : 'CORRUPT',
        message: error instanceof Error ? error.message : String(error),
      } satisfies WorkerReply);
    },
  );
});
port.postMessage({ type: 'ready' } satisfies WorkerReply);
