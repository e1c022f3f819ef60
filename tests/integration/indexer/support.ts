import { afterEach } from 'vitest';

import { openRuntime, type Runtime } from '../../../electron/engine/runtime';
import type { IndexStore } from '../../../electron/engine/store';
import { LICENSE_ID, MODEL_ID, type IndexJob, type IndexStatus, type PolyseekEvent } from '../../../shared';

export const ACCEPT = { licenseId: LICENSE_ID, modelId: MODEL_ID, nonCommercialOnly: true } as const;

export interface IndexRuntime {
  readonly runtime: Runtime;
  readonly events: PolyseekEvent[];
  /** Starts a full run and waits for it; the job as it ended. */
  readonly index: (input?: { rehash?: boolean }) => Promise<IndexJob>;
  readonly status: () => Promise<IndexStatus>;
  /** The engine's own store (the real IndexStore behind the port). */
  readonly store: () => Promise<IndexStore>;
}

/** CLI-like runtimes over the synthetic model, events captured, disposed after each test. */
export function useIndexRuntimes(): (
  dataDir: string,
  options: { modelDir: string; watchDebounceMs?: number },
) => Promise<IndexRuntime> {
  const opened: Runtime[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((r) => r.dispose()));
  });
  return async (dataDir, options) => {
    const runtime = await openRuntime({
      dataDir,
      host: 'cli',
      modelDir: options.modelDir,
      onUnexpected: (command, error) => console.error(command, error),
      indexer: { extractWorkers: 1, ...(options.watchDebounceMs ? { watchDebounceMs: options.watchDebounceMs } : {}) },
    });
    opened.push(runtime);
    const events: PolyseekEvent[] = [];
    runtime.events.subscribe((event) => events.push(event));
    const value = <T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
      return result.value;
    };
    return {
      runtime,
      events,
      index: async (input = {}) => {
        value(await runtime.invoke('index.start', input));
        const job = await runtime.engine.indexer.waitForIdle();
        if (!job) throw new Error('no indexing job ran');
        return job;
      },
      status: async () => value(await runtime.invoke('index.status', {})),
      store: async () => (await runtime.engine.indexer.openStore()) as unknown as IndexStore,
    };
  };
}
