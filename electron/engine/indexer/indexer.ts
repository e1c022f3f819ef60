import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';

import {
  PolyseekError,
  errorMessage,
  type CommandName,
  type IndexErrors,
  type IndexErrorsInput,
  type IndexJob,
  type IndexRetryInput,
  type IndexStartInput,
  type IndexStatus,
  type ReembedPlan,
  type ResultError,
  type Settings,
  type SettingsPatch,
} from '../../../shared';
import type { ExtractorPool } from '../extract/types';
import type { EventSink, Handlers } from '../handlers';
import type { Provenance } from '../store/types';
import { EncodeMeter, EncodeSpeeds } from './encode-speed';
import { runIndexJob, sameProvenance, type JobRequest } from './index-job';
import { describeIndex, listFileErrors } from './index-status';
import { JobQueue } from './job-queue';
import type { ModelAccess } from './model-access';
import { PauseGate } from './pause-gate';
import type { IndexerParts, OpenedStore } from './ports';
import { JobProgress } from './progress';
import { planFromStore, vectorSettingsKey } from './reembed-plan';
import { isSameOrInside } from './root-rules';
import { RootWatchers } from './watch';

/** Every `index.*` command of the contract is served here. */
export type IndexCommand = Extract<CommandName, `index.${string}`>;

export interface IndexerOptions {
  readonly dataDir: string;
  readonly getSettings: () => Settings;
  /** The store, chunker and extractors; loaded on first use (see loadDefaultParts). */
  readonly parts: () => Promise<IndexerParts>;
  /** Built once the parts are loaded (the chunker's version and fallback counter feed it). */
  readonly model: (parts: IndexerParts) => ModelAccess;
  readonly emit?: EventSink;
  /** Extraction workers. Default: cores − 1 (the encoder needs the rest), at least 1, at most 4. */
  readonly extractWorkers?: number;
  /** Per-file extraction limits. Defaults 60 s and 1024 MiB. */
  readonly extractTimeoutMs?: number;
  readonly extractMemoryMb?: number;
  /** Watcher timing (tests shorten it). */
  readonly watchDebounceMs?: number;
}

interface Running {
  readonly request: JobRequest;
  readonly progress: JobProgress;
  readonly controller: AbortController;
  readonly gate: PauseGate;
  readonly finished: Promise<IndexJob>;
}

/**
 * Indexing for one profile: jobs run one at a time in the background (requests arriving meanwhile are
 * merged and run next), progress goes out as `index.progress`, watchers feed changes in, and a model
 * that becomes usable (licence accepted, download finished) gets the missing vectors filled.
 */
export class Indexer {
  private store: Promise<OpenedStore> | null = null;
  private loaded: { parts: IndexerParts; model: ModelAccess } | null = null;
  private pool: ExtractorPool | null = null;
  private running: Running | null = null;
  private last: IndexJob | null = null;
  private readonly queue = new JobQueue();
  private watchers: RootWatchers | null = null;
  private readonly missingRoots = new Set<string>();
  private readonly problems: { path: string; message: string }[] = [];
  private modelProblem: string | null = null;
  private currentProvenance: Provenance | null = null;
  private modelKey: string;
  private knownRoots: Set<string>;
  private disposed = false;
  /** The last measured encoding speed per precision, for the re-embed estimate. */
  private readonly speeds: EncodeSpeeds;

  constructor(private readonly options: IndexerOptions) {
    this.speeds = new EncodeSpeeds(join(options.dataDir, 'encode-speed.json'));
    this.modelKey = vectorSettingsKey(options.getSettings());
    this.knownRoots = new Set(options.getSettings().roots.map((r) => r.path));
  }

  get indexDir(): string {
    return join(this.options.dataDir, 'index');
  }

  /** The store, opened on first use and kept until dispose. */
  openStore(): Promise<OpenedStore> {
    if (this.disposed) return Promise.reject(new PolyseekError('INTERNAL', 'indexer used after dispose()'));
    if (!this.store) {
      const pending = this.options
        .parts()
        .then((parts) => {
          this.loaded ??= { parts, model: this.options.model(parts) };
          return parts.openStore(this.indexDir);
        })
        .catch((error: unknown) => {
          this.store = null;
          throw new PolyseekError('INDEX_FAILED', `opening the index in ${this.indexDir}: ${errorMessage(error)}`, {
            cause: error,
          });
        });
      this.store = pending;
    }
    return this.store;
  }

  async start(input: IndexStartInput): Promise<IndexStatus> {
    const roots = this.options.getSettings().roots;
    for (const path of input.roots ?? []) {
      if (!roots.some((r) => r.path === path))
        throw new PolyseekError('ROOT_NOT_FOUND', `${path} is not an indexed folder`);
    }
    await this.openStore();
    this.enqueue({
      kind: 'full',
      ...(input.roots ? { roots: input.roots } : {}),
      ...(input.rehash ? { rehash: true } : {}),
    });
    if (input.watch) this.watch();
    return this.status();
  }

  pause(): Promise<IndexStatus> {
    if (this.running) {
      this.running.gate.pause();
      this.running.progress.update({ state: 'paused', message: 'paused' });
    }
    return this.status();
  }

  resume(): Promise<IndexStatus> {
    if (this.running?.gate.isPaused) {
      this.running.gate.resume();
      this.running.progress.update({ state: 'running', message: 'resumed' });
    }
    return this.status();
  }

  /** Cancels the running job and anything queued, and stops watching. */
  async cancel(): Promise<IndexStatus> {
    this.queue.clear();
    await this.stopWatching();
    const running = this.running;
    if (running) {
      running.controller.abort();
      await running.finished;
    }
    return this.status();
  }

  async retry(input: IndexRetryInput): Promise<IndexStatus> {
    const roots = this.options.getSettings().roots;
    for (const path of input.paths ?? []) {
      if (!roots.some((r) => isSameOrInside(resolve(r.path), resolve(path)))) {
        throw new PolyseekError('PATH_OUTSIDE_ROOTS', `${path} is not inside an indexed folder`);
      }
    }
    await this.openStore();
    this.enqueue({ kind: 'retry', ...(input.paths ? { retry: input.paths.map((p) => resolve(p)) } : {}) });
    return this.status();
  }

  async errors(input: IndexErrorsInput): Promise<IndexErrors> {
    return listFileErrors(await this.openStore(), input);
  }

  async status(): Promise<IndexStatus> {
    return describeIndex(await this.openStore(), {
      roots: this.options.getSettings().roots,
      job: this.running?.progress.snapshot ?? this.last,
      watching: this.watchers !== null,
      missingRoots: this.missingRoots,
      modelProblem: this.modelProblem,
      currentProvenance: this.currentProvenance,
      dir: this.indexDir,
    });
  }

  /** The chunker's version: part of every vectors table's provenance (Explore's too). */
  async chunkerVersion(): Promise<number> {
    await this.openStore();
    return this.parts().parts.chunker.version;
  }

  /** `index.plan`: what saving `patch` would do to the vectors, how many passages and how long; changes nothing. */
  async plan(patch: SettingsPatch): Promise<ReembedPlan> {
    const store = await this.openStore();
    const { parts, model } = this.parts();
    return planFromStore(store, {
      saved: this.options.getSettings(),
      patch,
      current: this.currentProvenance,
      model: await model.modelShape(patch.model?.dir ?? undefined),
      chunkerVersion: parts.chunker.version,
      speeds: await this.speeds.all(),
    });
  }

  /** The running job's end (the last job's when none runs); for the CLI and tests. */
  async waitForIdle(): Promise<IndexJob | null> {
    while (this.running) await this.running.finished;
    return this.last;
  }

  /**
   * Settings changed: removed roots leave the index, watchers follow the roots, and a change to what
   * vectors are made with (or a licence just accepted) schedules the embed job.
   */
  settingsChanged(): void {
    if (this.disposed) return;
    const settings = this.options.getSettings();
    const rooted = new Set(settings.roots.map((r) => r.path));
    for (const path of this.missingRoots) if (!rooted.has(path)) this.missingRoots.delete(path);
    if (this.watchers) {
      const before = new Set(this.watchers.roots);
      this.watchers.sync(settings.roots);
      const added = settings.roots.filter((r) => !before.has(r.path)).map((r) => r.path);
      if (added.length > 0) this.enqueue({ kind: 'full', roots: added });
    }
    // A removed root's files leave the index in a job (every job drops files of roots no longer listed).
    if ([...this.knownRoots].some((path) => !rooted.has(path))) this.enqueue({ kind: 'changes', paths: new Set() });
    this.knownRoots = rooted;
    const key = vectorSettingsKey(settings);
    if (key !== this.modelKey) {
      this.modelKey = key;
      this.currentProvenance = null;
      this.modelProblem = null;
      this.modelMayBeReady();
    }
  }

  /** The model may have become usable (a download or locate finished): fill missing vectors. */
  modelMayBeReady(): void {
    if (this.disposed || !this.store) return;
    void this.openStore()
      .then(async (store) => {
        if ((await store.stats()).byStatus.indexed > 0) this.enqueue({ kind: 'vectors' });
      })
      .catch(() => undefined);
  }

  handlers(): Pick<Handlers, IndexCommand> {
    return {
      'index.start': (input) => this.start(input),
      'index.pause': () => this.pause(),
      'index.resume': () => this.resume(),
      'index.cancel': () => this.cancel(),
      'index.status': () => this.status(),
      'index.plan': (input) => this.plan(input),
      'index.errors': (input) => this.errors(input),
      'index.retry': (input) => this.retry(input),
    };
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.queue.clear();
    await this.stopWatching();
    if (this.running) {
      this.running.controller.abort();
      await this.running.finished;
    }
    this.disposed = true;
    await this.pool?.dispose();
    this.pool = null;
    const store = this.store;
    this.store = null;
    await store?.then((s) => s.close()).catch(() => undefined);
  }

  private watch(): void {
    if (this.watchers) return;
    this.watchers = new RootWatchers({
      never: [this.options.dataDir],
      ...(this.options.watchDebounceMs === undefined ? {} : { debounceMs: this.options.watchDebounceMs }),
      onChanges: (paths) => this.enqueue({ kind: 'changes', paths }),
      onRootMissing: (root, missing) => {
        if (missing) this.missingRoots.add(root);
        else {
          this.missingRoots.delete(root);
          this.enqueue({ kind: 'full', roots: [root] });
        }
      },
      onProblem: (path, message) => this.noteProblem(path, message),
    });
    this.watchers.sync(this.options.getSettings().roots);
  }

  private async stopWatching(): Promise<void> {
    const watchers = this.watchers;
    this.watchers = null;
    await watchers?.dispose();
  }

  private enqueue(request: JobRequest): void {
    if (this.disposed) return;
    this.queue.add(request);
    if (!this.running) this.runNext();
  }

  private runNext(): void {
    const request = this.queue.take();
    if (!request || this.disposed) return;
    const controller = new AbortController();
    const gate = new PauseGate(controller.signal);
    const progress = new JobProgress(request.kind, this.options.emit);
    const finished = this.run(request, progress, controller, gate).then((job) => {
      this.last = job;
      this.running = null;
      this.runNext();
      return job;
    });
    this.running = { request, progress, controller, gate, finished };
  }

  private async run(
    request: JobRequest,
    progress: JobProgress,
    controller: AbortController,
    gate: PauseGate,
  ): Promise<IndexJob> {
    const meter = new EncodeMeter();
    try {
      const store = await this.openStore();
      const settings = this.options.getSettings();
      const message = await runIndexJob(request, {
        store,
        roots: settings.roots,
        never: [this.options.dataDir],
        extractor: () => this.extractorPool(),
        extractConcurrency: this.extractWorkers(),
        chunker: () => this.chunker(),
        chunkId: this.parts().parts.chunkId,
        encoder: async () => {
          const loaded = await this.parts().model.passageEncoder();
          this.modelProblem = 'problem' in loaded ? loaded.problem : null;
          if (
            'encoder' in loaded &&
            !(this.currentProvenance && sameProvenance(this.currentProvenance, loaded.encoder.provenance))
          ) {
            this.currentProvenance = loaded.encoder.provenance;
          }
          return 'encoder' in loaded ? { encoder: meter.wrap(loaded.encoder) } : loaded;
        },
        progress,
        gate,
        signal: controller.signal,
        onRootMissing: (root, missing) => (missing ? this.missingRoots.add(root) : this.missingRoots.delete(root)),
        onProblem: (path, why) => this.noteProblem(path, why),
      });
      return progress.finish('done', message, null);
    } catch (error) {
      const cancelled = controller.signal.aborted;
      const failure: ResultError = cancelled
        ? { code: 'CANCELLED', message: 'indexing cancelled; finished files stay indexed' }
        : error instanceof PolyseekError
          ? { code: error.code, message: error.message }
          : { code: 'INTERNAL', message: errorMessage(error) };
      return progress.finish(cancelled ? 'cancelled' : 'failed', failure.message, failure);
    } finally {
      await this.speeds
        .record(meter.result())
        .catch((e: unknown) => this.noteProblem(this.speeds.path, errorMessage(e)));
    }
  }

  /** Set once the store is open (both load together). */
  private parts(): { parts: IndexerParts; model: ModelAccess } {
    if (!this.loaded) throw new PolyseekError('INTERNAL', 'the indexer parts are not loaded yet');
    return this.loaded;
  }

  private async chunker() {
    const { chunker } = this.parts().parts;
    const { count, fromModel } = await this.parts().model.tokenCounter();
    const options = fromModel ? chunker.defaults : chunker.fallbackOptions;
    return (segments: Parameters<typeof chunker.chunkSegments>[0]) => chunker.chunkSegments(segments, count, options);
  }

  private extractorPool(): ExtractorPool {
    this.pool ??= this.parts().parts.createExtractorPool({
      size: this.extractWorkers(),
      timeoutMs: this.options.extractTimeoutMs ?? 60_000,
      maxMemoryMb: this.options.extractMemoryMb ?? 1024,
    });
    return this.pool;
  }

  private extractWorkers(): number {
    return this.options.extractWorkers ?? Math.max(1, Math.min(4, availableParallelism() - 1));
  }

  private noteProblem(path: string, message: string): void {
    this.problems.push({ path, message });
    if (this.problems.length > 100) this.problems.shift();
  }
}
