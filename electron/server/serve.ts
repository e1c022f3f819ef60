import type { EngineModelOptions } from '../engine/engine';
import { READY, openRuntime } from '../engine/runtime';
import { checkIndexedFile } from '../engine/search/open-file';
import { createSystemOpener, type FileOpener } from '../engine/search/system-opener';
import { checkBindPolicy } from './bind-policy';
import { startHttpServer, type RunningHttpServer } from './http-server';

export interface ServeOptions {
  readonly dataDir: string;
  /** jina-v3 model folder; default inside the data folder. */
  readonly modelDir?: string;
  readonly host: string;
  readonly port: number;
  readonly token: string | null;
  readonly rendererDir: string;
  /** Manifest and environment (endpoint, token, proxies) for model jobs. */
  readonly model?: EngineModelOptions;
  /** Opens files when bound to loopback; default the system opener (xdg-open, open, explorer). */
  readonly opener?: FileOpener;
  /** Lifetime of file URLs handed to clients elsewhere (milliseconds); default ten minutes. */
  readonly fileTicketTtlMs?: number;
}

export interface RunningServe extends RunningHttpServer {
  /** Stops accepting requests and releases the engine. */
  stop(): Promise<void>;
}

/** Opens the profile and serves it over HTTP; the bind policy is checked before anything is opened. */
export async function serve(options: ServeOptions): Promise<RunningServe> {
  checkBindPolicy(options.host, options.token);
  const runtime = await openRuntime({
    dataDir: options.dataDir,
    host: 'server',
    ...(options.modelDir ? { modelDir: options.modelDir } : {}),
    ...(options.model ? { model: options.model } : {}),
  });
  try {
    const http = await startHttpServer({
      runtime,
      host: options.host,
      port: options.port,
      token: options.token,
      rendererDir: options.rendererDir,
      initialEvents: () => [{ name: 'engine.state', payload: READY }],
      files: {
        check: async (path) =>
          checkIndexedFile(await runtime.engine.indexer.openStore(), runtime.settings.settings.roots, path),
        opener: options.opener ?? createSystemOpener(),
        ...(options.fileTicketTtlMs === undefined ? {} : { ticketTtlMs: options.fileTicketTtlMs }),
      },
    });
    return {
      ...http,
      stop: async () => {
        await http.close();
        await runtime.dispose();
      },
    };
  } catch (error) {
    await runtime.dispose();
    throw error;
  }
}
