import type { GpuStatus, Settings } from '../../shared';
import { listOrtBackends } from './compute/ort-backends';
import type { Handlers } from './handlers';

export interface EngineOptions {
  /** Folder for indexes, models and caches (the profile folder). */
  readonly dataDir: string;
  /** The latest settings; the engine reads them on every use and never writes them. */
  readonly getSettings: () => Settings;
}

/** Commands the engine serves itself; everything else belongs to the host that owns the settings file. */
export type EngineCommand = 'gpu.status';
export const ENGINE_COMMANDS: readonly EngineCommand[] = ['gpu.status'];

/**
 * The engine: one object owning every heavy resource (encoder session, database, watchers) and
 * releasing them in `dispose()`. It never imports `electron` and runs the same in every host.
 */
export class Engine {
  private disposed = false;

  constructor(private readonly options: EngineOptions) {}

  get dataDir(): string {
    return this.options.dataDir;
  }

  async gpuStatus(): Promise<GpuStatus> {
    this.assertAlive();
    const listing = await listOrtBackends();
    return {
      preference: this.options.getSettings().compute.provider,
      ortBackends: listing.backends,
      ortError: listing.error,
      active: null,
      fallbackReason: null,
      electronGpu: null,
    };
  }

  handlers(): Pick<Handlers, EngineCommand> {
    return { 'gpu.status': () => this.gpuStatus() };
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await Promise.resolve();
  }

  private assertAlive(): void {
    if (this.disposed) throw new Error('engine used after dispose()');
  }
}
