import { randomBytes } from 'node:crypto';

import type { IndexJob, IndexPhase, ResultError } from '../../../shared';
import type { EventSink } from '../handlers';
import { RateMeter, etaSeconds } from '../model/rate-meter';

/** Least time between two `index.progress` events (phase and state changes go out at once). */
const EMIT_INTERVAL_MS = 250;

export type IndexJobKind = IndexJob['kind'];
export type Counters = Pick<
  IndexJob,
  | 'filesSeen'
  | 'filesTotal'
  | 'filesDone'
  | 'filesFailed'
  | 'filesSkipped'
  | 'filesUnchanged'
  | 'filesRemoved'
  | 'chunks'
  | 'chunksEncoded'
  | 'tokens'
  | 'filesAwaitingVectors'
>;

/**
 * One job's progress: counters, the token rate over a sliding window, an ETA from the files (or, while
 * embedding, the files awaiting vectors) still to do, and `index.progress` events at most four a second
 * plus one at every phase or state change, so a UI or a progress bar never floods.
 */
export class JobProgress {
  private job: IndexJob;
  private readonly tokenRate = new RateMeter(10_000);
  private readonly workRate = new RateMeter(10_000);
  private lastEmit = 0;
  private trailing: ReturnType<typeof setTimeout> | null = null;

  constructor(
    kind: IndexJobKind,
    private readonly emit: EventSink | undefined,
  ) {
    this.job = {
      id: `index-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`,
      state: 'running',
      phase: 'recovering',
      kind,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      filesSeen: 0,
      filesTotal: 0,
      filesDone: 0,
      filesFailed: 0,
      filesSkipped: 0,
      filesUnchanged: 0,
      filesRemoved: 0,
      chunks: 0,
      chunksEncoded: 0,
      tokens: 0,
      tokensPerSecond: null,
      etaSeconds: null,
      currentFile: null,
      filesAwaitingVectors: 0,
      vectorFilesTotal: 0,
      modelProblem: null,
      message: null,
      error: null,
    };
    this.send();
  }

  get snapshot(): IndexJob {
    return this.job;
  }

  add(counts: Partial<Counters>): void {
    const next = { ...this.job };
    for (const [key, value] of Object.entries(counts) as [keyof Counters, number][]) next[key] += value;
    this.set(next);
  }

  update(change: Partial<Omit<IndexJob, 'id' | 'kind' | 'startedAt'>>): void {
    this.set({ ...this.job, ...change });
  }

  phase(phase: IndexPhase, message: string): void {
    this.workRate.reset();
    this.set({ ...this.job, phase, message, currentFile: null }, true);
  }

  finish(state: 'done' | 'failed' | 'cancelled', message: string, error: ResultError | null): IndexJob {
    this.set(
      {
        ...this.job,
        state,
        message,
        error,
        currentFile: null,
        tokensPerSecond: null,
        etaSeconds: null,
        finishedAt: new Date().toISOString(),
      },
      true,
    );
    if (this.trailing) clearTimeout(this.trailing);
    this.trailing = null;
    return this.job;
  }

  private set(next: IndexJob, now = false): void {
    const previous = this.job;
    this.tokenRate.add(next.tokens);
    const embedding = next.phase === 'embedding';
    const remaining = embedding ? next.filesAwaitingVectors : next.filesTotal - next.filesDone;
    // While embedding the count goes down; the meter wants a growing total.
    this.workRate.add(embedding ? -next.filesAwaitingVectors : next.filesDone);
    const tokensPerSecond = next.tokens > 0 ? this.tokenRate.rate() : null;
    this.job = {
      ...next,
      tokensPerSecond: next.state === 'running' ? tokensPerSecond : null,
      etaSeconds:
        next.state === 'running' && next.phase !== 'crawling' ? etaSeconds(remaining, this.workRate.rate()) : null,
    };
    const changed = now || previous.state !== next.state || previous.phase !== next.phase;
    const elapsed = performance.now() - this.lastEmit;
    if (changed || elapsed >= EMIT_INTERVAL_MS) this.send();
    else this.trailing ??= setTimeout(() => this.send(), EMIT_INTERVAL_MS - elapsed);
  }

  private send(): void {
    if (this.trailing) clearTimeout(this.trailing);
    this.trailing = null;
    this.lastEmit = performance.now();
    this.emit?.({ name: 'index.progress', payload: this.job });
  }
}
