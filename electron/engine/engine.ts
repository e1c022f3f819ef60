import type { CommandName, EmbedInput, EmbedResult, GpuStatus, Precision, Settings } from '../../shared';
import { Answerer } from './answer/answerer';
import { listModels, streamChat } from './answer/chat-client';
import { SessionKeyStore, type AnswerKeyStore } from './answer/key-store';
import { listOrtBackends } from './compute/ort-backends';
import { Encoder } from './encoder/encoder';
import { EvalRunner } from './eval/eval-runner';
import { ExploreRunner } from './explore/explore-runner';
import type { EventSink, Handlers } from './handlers';
import { loadDefaultParts } from './indexer/default-parts';
import { Indexer, type IndexCommand } from './indexer/indexer';
import { ModelAccess } from './indexer/model-access';
import type { IndexerParts } from './indexer/ports';
import type { ModelDirSource } from './model/context';
import { SHIPPED_MANIFEST } from './model/manifest';
import { ModelManager, type ModelCommand, type ModelManagerOptions } from './model/model-manager';
import { profileModelDir } from './model/model-paths';
import { transformersCacheDir } from './paths';
import { createFileHandlers } from './search/open-file';
import { Searcher } from './search/searcher';

/** Model-management options a host or test may set; the rest is wired by the engine. */
export type EngineModelOptions = Pick<ModelManagerOptions, 'manifest' | 'env' | 'freeSpace' | 'network' | 'quantize'>;

export interface EngineOptions {
  /** Folder for indexes, models and caches (the profile folder). */
  readonly dataDir: string;
  /** The latest settings; the engine reads them on every use and never writes them. */
  readonly getSettings: () => Settings;
  /**
   * jina-v3 model folder, overriding settings `model.dir` (`--model-dir`, `POLYSEEK_MODEL_DIR`); default
   * settings `model.dir`, else `<dataDir>/models/jinaai--jina-embeddings-v3`.
   */
  readonly modelDir?: string;
  /** Where events (`model.progress`) go; dropped when absent. */
  readonly emit?: EventSink;
  /**
   * Records settings `model.dir` through the settings owner (the runtime's file, or Electron main via
   * the worker); without it `model.locate` is refused.
   */
  readonly setModelDir?: (dir: string | null) => Promise<void>;
  readonly model?: EngineModelOptions;
  /** Indexing knobs for tests and benchmarks: swapped parts, worker count, watcher timing. */
  readonly indexer?: EngineIndexerOptions;
  /**
   * Where the chat endpoint's API key lives; default: memory for this process, else the
   * POLYSEEK_ANSWER_API_KEY environment variable. Electron's worker receives it from main's keychain.
   */
  readonly answerKeys?: AnswerKeyStore;
}

export interface EngineIndexerOptions {
  /** Default: the real store, chunker and extractors, loaded on first use. */
  readonly parts?: () => Promise<IndexerParts>;
  readonly extractWorkers?: number;
  readonly watchDebounceMs?: number;
  /** Time spent inside each encoder call while indexing (the benchmark's busy share). */
  readonly onEncoderBusy?: (ms: number) => void;
}

/** Commands the engine serves itself; everything else belongs to the host that owns the settings file. */
export type EngineCommand =
  | 'gpu.status'
  | 'embed'
  | ModelCommand
  | IndexCommand
  | 'search.query'
  | 'file.open'
  | 'file.reveal'
  | AnswerCommand
  | EvalCommand
  | ExploreCommand;
type AnswerCommand = 'answer.ask' | 'answer.cancel' | 'answer.status' | 'answer.check' | 'answer.setKey';
type EvalCommand =
  'eval.run' | 'eval.resume' | 'eval.cancel' | 'eval.runs' | 'eval.report' | 'eval.testsets' | 'eval.judge';
type ExploreCommand = Extract<CommandName, `explore.${string}`>;
export const ENGINE_COMMANDS: readonly EngineCommand[] = [
  'gpu.status',
  'embed',
  'model.status',
  'model.download',
  'model.cancel',
  'model.locate',
  'model.verify',
  'model.quantize',
  'index.start',
  'index.pause',
  'index.resume',
  'index.cancel',
  'index.status',
  'index.plan',
  'index.errors',
  'index.retry',
  'search.query',
  'file.open',
  'file.reveal',
  'answer.ask',
  'answer.cancel',
  'answer.status',
  'answer.check',
  'answer.setKey',
  'eval.run',
  'eval.resume',
  'eval.cancel',
  'eval.runs',
  'eval.report',
  'eval.testsets',
  'eval.judge',
  'explore.dupes',
  'explore.topics',
  'explore.cancel',
  'explore.jobs',
  'explore.report',
  'explore.points',
  'explore.pair',
];

export function defaultModelDir(dataDir: string): string {
  return profileModelDir(dataDir, SHIPPED_MANIFEST.folderName);
}

/**
 * The engine: one object owning every heavy resource (encoder sessions, database, watchers) and
 * releasing them in `dispose()`. It never imports `electron` and runs the same in every host.
 */
export class Engine {
  private disposed = false;
  /** Loaded once per (precision, provider, threads); a failed load is evicted so the next call retries. */
  private readonly encoders = new Map<string, Promise<Encoder>>();
  private lastEncoder: Encoder | null = null;
  /** Downloads, locating, verification, quantization and fingerprints. */
  readonly models: ModelManager;
  /** Roots → index: crawl, pipeline, watch, vectors; its store opens on first use at `<dataDir>/index`. */
  readonly indexer: Indexer;
  /** Hybrid search over the indexer's store, with the query encoded by this engine's encoders. */
  readonly search: Searcher;
  /** Where the chat endpoint's key is read from (never returned to clients). */
  readonly answerKeys: AnswerKeyStore;
  /** Context packs and streamed answers from the configured chat endpoint. */
  readonly answers: Answerer;
  /** The evaluation lab: grids of settings measured on labelled datasets. */
  readonly evals: EvalRunner;
  /** Explore: duplicates (text-matching) and topic maps (separation) over the person's index. */
  readonly explore: ExploreRunner;

  constructor(private readonly options: EngineOptions) {
    const emit = options.emit;
    this.models = new ModelManager({
      ...options.model,
      dataDir: options.dataDir,
      getSettings: options.getSettings,
      modelDir: () => this.modelDirAndSource(),
      encoder: (precision) => this.encoder(precision),
      releaseEncoders: (dir) => this.releaseEncoders(dir),
      ...(options.setModelDir ? { setModelDir: options.setModelDir } : {}),
      // A finished download, locate or quantize may be what indexing was waiting for.
      emit: (event) => {
        emit?.(event);
        if (event.name === 'model.progress' && event.payload.state === 'done') this.indexer.modelMayBeReady();
      },
    });
    const indexing = options.indexer ?? {};
    this.indexer = new Indexer({
      dataDir: options.dataDir,
      getSettings: options.getSettings,
      parts: indexing.parts ?? loadDefaultParts,
      model: (parts) =>
        new ModelAccess({
          getSettings: options.getSettings,
          modelDir: () => this.modelDir,
          cacheDir: transformersCacheDir(options.dataDir),
          encoder: () => this.encoder(),
          modelStatus: () => this.models.status(),
          chunkerVersion: parts.chunker.version,
          fallbackCounter: parts.chunker.fallbackCounter,
          ...(indexing.onEncoderBusy ? { onEncoderBusy: indexing.onEncoderBusy } : {}),
        }),
      ...(emit ? { emit } : {}),
      ...(indexing.extractWorkers === undefined ? {} : { extractWorkers: indexing.extractWorkers }),
      ...(indexing.watchDebounceMs === undefined ? {} : { watchDebounceMs: indexing.watchDebounceMs }),
    });
    this.search = new Searcher({
      store: () => this.indexer.openStore(),
      getSettings: options.getSettings,
      encoder: (precision) => this.encoder(precision),
      modelStatus: () => this.models.status(),
      modelDir: () => this.modelDir,
    });
    this.answerKeys = options.answerKeys ?? new SessionKeyStore(options.model?.env ?? process.env);
    this.answers = new Answerer({
      getSettings: options.getSettings,
      keys: this.answerKeys,
      store: () => this.indexer.openStore(),
      retrieve: (input, signal) => this.search.retrieve(input, signal),
      streamChat,
      listModels,
      ...(emit ? { emit } : {}),
    });
    this.evals = new EvalRunner({
      dataDir: options.dataDir,
      getSettings: options.getSettings,
      encoder: (precision) => this.encoder(precision),
      modelStatus: () => this.models.status(),
      modelDir: () => this.modelDir,
      indexStore: () => this.indexer.openStore(),
      indexSearcher: this.search,
      ...(emit ? { emit } : {}),
    });
    this.explore = new ExploreRunner({
      dataDir: options.dataDir,
      getSettings: options.getSettings,
      encoder: (precision) => this.encoder(precision),
      modelStatus: () => this.models.status(),
      indexStore: () => this.indexer.openStore(),
      chunkerVersion: () => this.indexer.chunkerVersion(),
      ...(emit ? { emit } : {}),
    });
  }

  /**
   * The host's settings changed (it owns the file): removed roots leave the index, watchers follow the
   * roots, and a new licence or encoder setting lets the embed job fill vectors.
   */
  settingsChanged(): void {
    if (!this.disposed) this.indexer.settingsChanged();
  }

  get dataDir(): string {
    return this.options.dataDir;
  }

  get modelDir(): string {
    return this.modelDirAndSource().dir;
  }

  /** `--model-dir` wins, then settings `model.dir` (a located folder), then the profile's own folder. */
  private modelDirAndSource(): { dir: string; source: ModelDirSource } {
    if (this.options.modelDir) return { dir: this.options.modelDir, source: 'option' };
    const located = this.options.getSettings().model.dir;
    if (located) return { dir: located, source: 'settings' };
    const folder = (this.options.model?.manifest ?? SHIPPED_MANIFEST).folderName;
    return { dir: profileModelDir(this.options.dataDir, folder), source: 'profile' };
  }

  async gpuStatus(): Promise<GpuStatus> {
    this.assertAlive();
    const listing = await listOrtBackends();
    const report = this.lastEncoder?.provider ?? null;
    return {
      preference: this.options.getSettings().compute.provider,
      ortBackends: listing.backends,
      ortError: listing.error,
      active: report ? { provider: report.provider, device: report.device, verified: report.verified } : null,
      attempts: report ? [...report.attempts] : [],
      fallbackReason: report?.fallbackReason ?? null,
      electronGpu: null,
    };
  }

  /** The encoder for the current settings (and an optional precision override), loaded on first use. */
  encoder(precision?: Precision): Promise<Encoder> {
    this.assertAlive();
    const settings = this.options.getSettings();
    const chosen = precision ?? settings.encoder.precision;
    const key = JSON.stringify([this.modelDir, chosen, settings.compute.provider, settings.compute.threads]);
    let pending = this.encoders.get(key);
    if (!pending) {
      const modelDir = this.modelDir;
      pending = Encoder.load({
        modelDir,
        cacheDir: transformersCacheDir(this.options.dataDir),
        licenseAccepted: settings.license !== null,
        precision: chosen,
        provider: settings.compute.provider,
        threads: settings.compute.threads,
      });
      this.encoders.set(key, pending);
      pending.then(
        (encoder) => {
          this.lastEncoder = encoder;
          this.models.recordFirstLoad(chosen, encoder, modelDir);
        },
        () => this.encoders.delete(key),
      );
      void this.evictExcept(key);
    }
    return pending;
  }

  async embed(input: EmbedInput, signal?: AbortSignal): Promise<EmbedResult> {
    const settings = this.options.getSettings();
    const encoder = await this.encoder(input.precision);
    const dims = input.dims ?? encoder.dimsFor(settings.encoder.dims);
    const prefix = input.prefix ?? settings.encoder.instructionPrefix;
    const embeddings = await encoder.embed(input.texts, {
      task: input.task,
      dims,
      prefix,
      binary: input.binary ?? false,
      signal,
    });
    return {
      model: { dir: this.modelDir, precision: encoder.precision, synthetic: encoder.config.synthetic?.preset ?? null },
      provider: encoder.provider.provider,
      task: input.task,
      dims,
      prefix,
      embeddings: embeddings.map((e) => ({
        vector: Array.from(e.vector),
        binary: e.binary ? Buffer.from(e.binary).toString('base64') : null,
        tokens: e.tokens,
        truncated: e.truncated,
      })),
    };
  }

  handlers(): Pick<Handlers, EngineCommand> {
    return {
      'gpu.status': () => this.gpuStatus(),
      embed: (input, context) => this.embed(input, context.signal),
      ...this.models.handlers(),
      ...this.indexer.handlers(),
      'search.query': (input, context) => this.search.query(input, context.signal),
      // Checks only: the host opens what was checked (Electron's shell, the server's opener or its URL).
      ...createFileHandlers({ store: () => this.indexer.openStore(), getSettings: this.options.getSettings }),
      'answer.ask': (input, context) => this.answers.ask(input, context.signal),
      'answer.cancel': (input) => Promise.resolve({ cancelled: this.answers.cancel(input.askId) }),
      'answer.status': () => Promise.resolve(this.answers.status()),
      'answer.check': (_input, context) => this.answers.check(context.signal),
      'answer.setKey': (input) => this.answers.setKey(input.apiKey),
      'eval.run': (input) => this.evals.start(input),
      'eval.resume': (input) => this.evals.resume(input.runId),
      'eval.cancel': (input) => Promise.resolve({ cancelled: this.evals.cancel(input.runId) }),
      'eval.runs': async () => ({ runs: await this.evals.runs() }),
      'eval.report': (input) => this.evals.report(input.runId),
      'eval.testsets': async () => ({ testSets: await this.evals.testSets() }),
      'eval.judge': (input) => this.evals.judge(input.testSet, input.query, input.judgments),
      'explore.dupes': (input) => this.explore.dupes(input),
      'explore.topics': (input) => this.explore.topics(input),
      'explore.cancel': (input) => Promise.resolve({ cancelled: this.explore.cancel(input.jobId) }),
      'explore.jobs': async () => ({ jobs: await this.explore.jobs() }),
      'explore.report': (input) => this.explore.report(input.jobId),
      'explore.points': (input) => this.explore.points(input.jobId, input.offset, input.limit),
      'explore.pair': (input) => this.explore.pair(input.jobId, input.a, input.b),
    };
  }

  /** Disposes the loaded encoders of `dir` (its files changed), so the next use loads them from disk. */
  async releaseEncoders(dir: string): Promise<void> {
    for (const [key, pending] of [...this.encoders]) {
      if ((JSON.parse(key) as [string])[0] !== dir) continue;
      this.encoders.delete(key);
      await pending.then(
        (encoder) => {
          if (this.lastEncoder === encoder) this.lastEncoder = null;
          return encoder.dispose();
        },
        () => undefined,
      );
    }
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    await this.evals.dispose();
    await this.explore.dispose();
    await this.answers.dispose();
    await this.search.dispose();
    await this.indexer.dispose();
    await this.models.dispose();
    this.disposed = true;
    const loaded = [...this.encoders.values()];
    this.encoders.clear();
    this.lastEncoder = null;
    await Promise.all(
      loaded.map((p) =>
        p.then(
          (encoder) => encoder.dispose(),
          () => undefined,
        ),
      ),
    );
  }

  /** A settings change (model folder, provider, threads, precision) makes older sessions stale: release them. */
  private async evictExcept(key: string): Promise<void> {
    const settings = this.options.getSettings();
    const keepPrecision = settings.encoder.precision;
    for (const [other, pending] of [...this.encoders]) {
      if (other === key) continue;
      const [dir, precision, provider, threads] = JSON.parse(other) as [string, string, string, number];
      const current =
        dir === this.modelDir && provider === settings.compute.provider && threads === settings.compute.threads;
      if (current && precision === keepPrecision) continue;
      this.encoders.delete(other);
      await pending.then(
        (encoder) => encoder.dispose(),
        () => undefined,
      );
    }
  }

  private assertAlive(): void {
    if (this.disposed) throw new Error('engine used after dispose()');
  }
}
