import { randomBytes } from 'node:crypto';

import {
  PolyseekError,
  errorMessage,
  type ModelJob,
  type ModelJobKind,
  type Precision,
  type ResultError,
} from '../../../shared';
import type { EventSink } from '../handlers';
import type { JobLock } from './job-lock';
import { RateMeter, etaSeconds } from './rate-meter';

export interface JobUpdate {
  /** The file being worked on; null between files. */
  readonly file?: { readonly path: string; readonly bytes: number; readonly total: number | null } | null;
  /** Bytes done over the whole job. */
  readonly bytes?: number;
  readonly total?: number | null;
  readonly message?: string;
  /** A new phase at another speed (hashing after downloading): restart the rate. */
  readonly resetRate?: boolean;
}

export interface JobContext {
  readonly signal: AbortSignal;
  update(change: JobUpdate): void;
}

/** The job's work; resolves with the message shown when it is done. */
export type JobBody = (context: JobContext) => Promise<string>;

export interface ModelJobsOptions {
  readonly emit?: EventSink;
  /** Keeps other processes on the same profile from running a job at the same time. */
  readonly lock: JobLock;
  /** Least time between two progress events for the same file (state changes are sent at once). Default 250 ms. */
  readonly emitIntervalMs?: number;
}

interface Running {
  job: ModelJob;
  readonly controller: AbortController;
  readonly meter: RateMeter;
  readonly finished: Promise<ModelJob>;
  lastEmit: number;
  /** A held-back update, sent when the interval is over: a stalled transfer still shows its last byte. */
  trailing: ReturnType<typeof setTimeout> | null;
}

/**
 * Runs model jobs one at a time, in the background: `start` returns as soon as the job is under way,
 * progress goes out as `model.progress` events, and the outcome (done, failed with a stable code,
 * cancelled) is kept for `model.status`. Never blocks the dispatcher.
 */
export class ModelJobs {
  private running: Running | null = null;
  private starting = false;
  private last: ModelJob | null = null;

  constructor(private readonly options: ModelJobsOptions) {}

  /** The running job, or the last one that ended in this process. */
  current(): ModelJob | null {
    return this.running?.job ?? this.last;
  }

  isRunning(): boolean {
    return this.running !== null || this.starting;
  }

  /** Fails with JOB_RUNNING while another job runs here or in another process on the same profile. */
  async start(kind: ModelJobKind, variant: Precision | null, body: JobBody): Promise<ModelJob> {
    if (this.isRunning()) {
      const other = this.running?.job;
      throw new PolyseekError(
        'JOB_RUNNING',
        other
          ? `a model ${other.kind} is running (started ${other.startedAt}); cancel it or wait for it to finish`
          : 'another model job is starting',
      );
    }
    this.starting = true;
    try {
      await this.options.lock.acquire(kind);
    } finally {
      this.starting = false;
    }
    const controller = new AbortController();
    const job: ModelJob = {
      id: `${kind}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`,
      kind,
      state: 'running',
      variant,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      file: null,
      bytes: 0,
      total: null,
      bytesPerSecond: null,
      etaSeconds: null,
      message: null,
      error: null,
    };
    const meter = new RateMeter();
    let resolveFinished: (job: ModelJob) => void = () => undefined;
    const finished = new Promise<ModelJob>((resolve) => (resolveFinished = resolve));
    const running: Running = { job, controller, meter, finished, lastEmit: 0, trailing: null };
    this.running = running;
    this.emit(job);
    const context: JobContext = { signal: controller.signal, update: (change) => this.update(running, change) };
    void body(context)
      .then(
        (message) => ({ state: 'done' as const, message, error: null }),
        (error: unknown) => {
          const cancelled = controller.signal.aborted;
          const failure = toResultError(error, cancelled, kind);
          return {
            state: cancelled ? ('cancelled' as const) : ('failed' as const),
            message: failure.message,
            error: failure,
          };
        },
      )
      .then(async (outcome) => {
        // The lock goes first, so a job started as soon as this one is reported finished can take it.
        await this.options.lock.release().catch(() => undefined);
        resolveFinished(this.finish(running, outcome.state, outcome.message, outcome.error));
      });
    return job;
  }

  /** Asks the running job to stop; false when none runs. */
  cancel(): boolean {
    if (!this.running) return false;
    this.running.controller.abort();
    return true;
  }

  /** The running job's final state (the last job's when none runs). */
  async wait(): Promise<ModelJob | null> {
    return this.running ? this.running.finished : this.last;
  }

  async dispose(): Promise<void> {
    this.cancel();
    await this.wait();
  }

  private update(running: Running, change: JobUpdate): void {
    if (this.running !== running) return;
    const previous = running.job;
    if (change.resetRate) running.meter.reset();
    const bytes = change.bytes ?? previous.bytes;
    const total = change.total === undefined ? previous.total : change.total;
    running.meter.add(bytes);
    const rate = running.meter.rate();
    const file =
      change.file === undefined
        ? previous.file
        : change.file && {
            ...change.file,
            etaSeconds: etaSeconds(change.file.total === null ? null : change.file.total - change.file.bytes, rate),
          };
    running.job = {
      ...previous,
      file,
      bytes,
      total,
      bytesPerSecond: rate,
      etaSeconds: etaSeconds(total === null ? null : total - bytes, rate),
      message: change.message ?? previous.message,
    };
    const now = performance.now();
    const interval = this.options.emitIntervalMs ?? 250;
    const changedPhase = file?.path !== previous.file?.path || running.job.message !== previous.message;
    if (changedPhase || now - running.lastEmit >= interval) {
      this.emitNow(running, now);
    } else {
      running.trailing ??= setTimeout(
        () => this.emitNow(running, performance.now()),
        interval - (now - running.lastEmit),
      );
    }
  }

  private emitNow(running: Running, now: number): void {
    if (running.trailing) clearTimeout(running.trailing);
    running.trailing = null;
    if (this.running !== running) return;
    running.lastEmit = now;
    this.emit(running.job);
  }

  private finish(running: Running, state: ModelJob['state'], message: string, error: ResultError | null): ModelJob {
    if (running.trailing) clearTimeout(running.trailing);
    const job: ModelJob = {
      ...running.job,
      state,
      finishedAt: new Date().toISOString(),
      file: null,
      bytesPerSecond: null,
      etaSeconds: null,
      message,
      error,
    };
    this.last = job;
    this.running = null;
    this.emit(job);
    return job;
  }

  private emit(job: ModelJob): void {
    this.options.emit?.({ name: 'model.progress', payload: job });
  }
}

function toResultError(error: unknown, cancelled: boolean, kind: ModelJobKind): ResultError {
  if (cancelled) {
    const kept = kind === 'download' ? '; the partial download is kept and resumes next time' : '';
    return { code: 'CANCELLED', message: `${kind} cancelled${kept}` };
  }
  if (error instanceof PolyseekError) return { code: error.code, message: error.message };
  return { code: 'INTERNAL', message: errorMessage(error) };
}
