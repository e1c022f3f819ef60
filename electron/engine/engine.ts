import { join } from 'node:path';

import type { EmbedInput, EmbedResult, GpuStatus, Precision, Settings } from '../../shared';
import { listOrtBackends } from './compute/ort-backends';
import { Encoder } from './encoder/encoder';
import type { Handlers } from './handlers';

export interface EngineOptions {
  /** Folder for indexes, models and caches (the profile folder). */
  readonly dataDir: string;
  /** The latest settings; the engine reads them on every use and never writes them. */
  readonly getSettings: () => Settings;
  /** jina-v3 model folder; default `<dataDir>/models/jinaai--jina-embeddings-v3`. */
  readonly modelDir?: string;
}

/** Commands the engine serves itself; everything else belongs to the host that owns the settings file. */
export type EngineCommand = 'gpu.status' | 'embed';
export const ENGINE_COMMANDS: readonly EngineCommand[] = ['gpu.status', 'embed'];

export function defaultModelDir(dataDir: string): string {
  return join(dataDir, 'models', 'jinaai--jina-embeddings-v3');
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

  constructor(private readonly options: EngineOptions) {}

  get dataDir(): string {
    return this.options.dataDir;
  }

  get modelDir(): string {
    return this.options.modelDir ?? defaultModelDir(this.options.dataDir);
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
      pending = Encoder.load({
        modelDir: this.modelDir,
        cacheDir: join(this.options.dataDir, 'cache', 'transformers'),
        licenseAccepted: settings.license !== null,
        precision: chosen,
        provider: settings.compute.provider,
        threads: settings.compute.threads,
      });
      this.encoders.set(key, pending);
      pending.then(
        (encoder) => (this.lastEncoder = encoder),
        () => this.encoders.delete(key),
      );
      void this.evictExcept(key);
    }
    return pending;
  }

  async embed(input: EmbedInput, signal?: AbortSignal): Promise<EmbedResult> {
    const settings = this.options.getSettings();
    const encoder = await this.encoder(input.precision);
    const { hiddenSize, dims: offered, synthetic } = encoder.config;
    const dims = input.dims ?? (offered.includes(settings.encoder.dims) ? settings.encoder.dims : hiddenSize);
    const prefix = input.prefix ?? settings.encoder.instructionPrefix;
    const embeddings = await encoder.embed(input.texts, {
      task: input.task,
      dims,
      prefix,
      binary: input.binary ?? false,
      signal,
    });
    return {
      model: { dir: this.modelDir, precision: encoder.precision, synthetic: synthetic?.preset ?? null },
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
    };
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
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

  /** A settings change (provider, threads, precision) makes older sessions stale: release them. */
  private async evictExcept(key: string): Promise<void> {
    const settings = this.options.getSettings();
    const keepPrecision = settings.encoder.precision;
    for (const [other, pending] of [...this.encoders]) {
      if (other === key) continue;
      const [, precision, provider, threads] = JSON.parse(other) as [string, string, string, number];
      const current = provider === settings.compute.provider && threads === settings.compute.threads;
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
