import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { Worker } from 'node:worker_threads';

import { DEFAULT_MAX_FILE_BYTES } from './limits';
import { ExtractError, type Extracted, type ExtractOptions, type ExtractorPool } from './types';
import type { ExtractJob, WorkerReply } from './worker-protocol';
import { extractWorkerScript, type WorkerScript } from './worker-script';

export interface ExtractorPoolOptions {
  /** Worker threads extracting at once. Default: available cores − 1, between 1 and 4. */
  readonly size?: number;
  /**
   * Wall-clock limit per file in milliseconds, from the moment a ready worker takes it. A worker past it
   * is terminated and replaced; the file fails with TIMEOUT. Default 60 000.
   */
  readonly timeoutMs?: number;
  /**
   * V8 heap limit per worker in MiB (`resourceLimits.maxOldGenerationSizeMb`). A worker that exceeds it
   * dies and the file fails with OUT_OF_MEMORY. Default 1024. Buffers outside the heap are bounded by the
   * size cap and the ZIP inflation caps instead.
   */
  readonly maxMemoryMb?: number;
  /** Files over this many bytes fail with TOO_LARGE before they are read. Default 200 MiB. */
  readonly maxFileBytes?: number;
}

interface Job {
  readonly id: number;
  readonly path: string;
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
  readonly resolve: (value: Extracted) => void;
  readonly reject: (reason: unknown) => void;
  onAbort?: () => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  /** Set when the pool terminated this worker on purpose (timeout, cancel, dispose). */
  retired: boolean;
}

/** Consecutive workers that died before becoming ready; past this the pool stops respawning. */
const MAX_START_FAILURES = 3;

class WorkerThreadPool implements ExtractorPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly script: WorkerScript;
  private nextId = 1;
  private startFailures = 0;
  private broken: string | null = null;
  private disposed = false;

  constructor(
    size: number,
    private readonly timeoutMs: number,
    private readonly maxMemoryMb: number,
    private readonly maxFileBytes: number,
  ) {
    this.script = extractWorkerScript();
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  extract(path: string, options: ExtractOptions = {}): Promise<Extracted> {
    const { signal } = options;
    if (this.disposed)
      return Promise.reject(new ExtractError('READ_FAILED', `${basename(path)}: the extractor pool is closed`));
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- AbortSignal semantics: its reason
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.broken) return Promise.reject(new ExtractError('READ_FAILED', `${basename(path)}: ${this.broken}`));
    return new Promise<Extracted>((resolve, reject) => {
      const job: Job = {
        id: this.nextId++,
        path,
        timeoutMs: options.timeoutMs ?? this.timeoutMs,
        signal,
        resolve,
        reject,
      };
      if (signal) {
        job.onAbort = () => this.cancel(job);
        signal.addEventListener('abort', job.onAbort, { once: true });
      }
      this.queue.push(job);
      this.dispatch();
    });
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    const closed = new ExtractError('READ_FAILED', 'the extractor pool was closed');
    for (const job of this.queue.splice(0)) this.settle(job, () => job.reject(closed));
    await Promise.all(
      this.slots.map(async (slot) => {
        slot.retired = true;
        if (slot.timer) clearTimeout(slot.timer);
        const job = slot.job;
        slot.job = null;
        if (job) this.settle(job, () => job.reject(closed));
        await slot.worker.terminate();
      }),
    );
  }

  private spawn(): Slot {
    const worker = new Worker(this.script.script, {
      eval: this.script.eval,
      resourceLimits: { maxOldGenerationSizeMb: this.maxMemoryMb },
    });
    const slot: Slot = { worker, ready: false, job: null, timer: null, retired: false };
    worker.on('message', (reply: WorkerReply) => this.onReply(slot, reply));
    worker.on('error', (error) => this.onDeath(slot, error));
    worker.on('exit', (code) => this.onDeath(slot, new Error(`the worker exited with code ${code}`)));
    if (!this.busy) worker.unref();
    return slot;
  }

  private onReply(slot: Slot, reply: WorkerReply): void {
    if (reply.type === 'ready') {
      slot.ready = true;
      this.startFailures = 0;
      this.dispatch();
      return;
    }
    const job = slot.job;
    if (!job || job.id !== reply.id) return;
    this.release(slot);
    if (reply.type === 'result') this.settle(job, () => job.resolve(reply.value));
    else this.settle(job, () => job.reject(new ExtractError(reply.code, reply.message)));
    this.dispatch();
  }

  /** A worker died: of memory, of a crash, or because the pool terminated it. */
  private onDeath(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return; // 'error' and 'exit' both arrive; handle the first
    this.slots.splice(index, 1);
    if (slot.timer) clearTimeout(slot.timer);
    if (slot.retired || this.disposed) return;
    const job = slot.job;
    if (job) {
      const name = basename(job.path);
      const outOfMemory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      const failure = outOfMemory
        ? new ExtractError('OUT_OF_MEMORY', `${name}: extraction ran past the ${this.maxMemoryMb} MiB memory limit`)
        : new ExtractError('CORRUPT', `${name}: the extractor crashed on this file (${error.message})`);
      this.settle(job, () => job.reject(failure));
    } else if (!slot.ready) {
      this.startFailures += 1;
      if (this.startFailures >= MAX_START_FAILURES) {
        this.broken = `extraction workers fail to start (${error.message})`;
        const failure = new ExtractError('READ_FAILED', this.broken);
        for (const queued of this.queue.splice(0)) this.settle(queued, () => queued.reject(failure));
        return;
      }
    }
    this.slots.push(this.spawn());
  }

  /** Whether any file is queued or running: only then do the workers keep the process alive. */
  private get busy(): boolean {
    return this.queue.length > 0 || this.slots.some((slot) => slot.job !== null);
  }

  private updateRefs(): void {
    const busy = this.busy;
    for (const slot of this.slots) {
      if (busy) slot.worker.ref();
      else slot.worker.unref();
    }
  }

  private dispatch(): void {
    this.updateRefs();
    for (const slot of this.slots) {
      if (!slot.ready || slot.job || slot.retired) continue;
      const job = this.queue.shift();
      if (!job) return;
      slot.job = job;
      slot.timer = setTimeout(() => this.expire(slot, job), job.timeoutMs);
      slot.worker.postMessage({ id: job.id, path: job.path, maxBytes: this.maxFileBytes } satisfies ExtractJob);
    }
  }

  private expire(slot: Slot, job: Job): void {
    if (slot.job !== job) return;
    const seconds = (job.timeoutMs / 1000).toFixed(job.timeoutMs < 1000 ? 3 : 0);
    this.replace(slot, new ExtractError('TIMEOUT', `${basename(job.path)}: extraction took longer than ${seconds} s`));
  }

  private cancel(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.settle(job, () => job.reject(job.signal?.reason));
      return;
    }
    const slot = this.slots.find((candidate) => candidate.job === job);
    // Extraction is synchronous work inside the worker: stopping it means stopping the thread.
    if (slot) this.replace(slot, job.signal?.reason);
  }

  /** Fails the slot's job with `reason`, terminates its worker and starts a fresh one. */
  private replace(slot: Slot, reason: unknown): void {
    const job = slot.job;
    this.release(slot);
    slot.retired = true;
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    void slot.worker.terminate();
    if (job) this.settle(job, () => job.reject(reason));
    if (!this.disposed) this.slots.push(this.spawn());
    this.dispatch();
  }

  private release(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
  }

  private settle(job: Job, finish: () => void): void {
    if (job.onAbort) job.signal?.removeEventListener('abort', job.onAbort);
    finish();
  }
}

/**
 * A pool of worker threads extracting files with a time and memory limit each, so one pathological file
 * costs that file, never the run. `extract` rejects with an ExtractError whose message starts with the
 * file's name, or with the signal's reason when cancelled. Call `dispose()` when done.
 */
export function createExtractorPool(options: ExtractorPoolOptions = {}): ExtractorPool {
  const size = options.size ?? Math.max(1, Math.min(4, availableParallelism() - 1));
  const timeoutMs = options.timeoutMs ?? 60_000;
  const maxMemoryMb = options.maxMemoryMb ?? 1024;
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (!(size >= 1) || !(timeoutMs > 0) || !(maxMemoryMb >= 16) || !(maxFileBytes >= 0))
    throw new RangeError('createExtractorPool: size ≥ 1, timeoutMs > 0, maxMemoryMb ≥ 16 and maxFileBytes ≥ 0');
  return new WorkerThreadPool(size, timeoutMs, maxMemoryMb, maxFileBytes);
}
