import type { AppInfo, EngineState } from '../../shared';
import type { AnswerKeyStore } from './answer/key-store';
import { describeApp } from './app-info';
import { createDispatcher, typedInvoke, type Dispatch, type Invoke } from './dispatch';
import { Engine, type EngineIndexerOptions, type EngineModelOptions } from './engine';
import { EventHub } from './event-hub';
import { createRootsHandlers } from './indexer/roots-handlers';
import { settingsPath } from './paths';
import { SettingsFile, createSettingsHandlers } from './settings';

export const READY: EngineState = { state: 'ready', restarts: 0, message: null };

export interface RuntimeOptions {
  /** Profile folder (settings, indexes, models). */
  readonly dataDir: string;
  /** jina-v3 model folder; default `<dataDir>/models/jinaai--jina-embeddings-v3`. */
  readonly modelDir?: string;
  /** Which host is serving; reported by `app.info`. */
  readonly host: Exclude<AppInfo['host'], 'electron'>;
  /** Called for exceptions that reached the dispatcher (bugs); defaults to stderr. */
  readonly onUnexpected?: (command: string, error: unknown) => void;
  /** Manifest, environment (endpoint, token, proxies), free-space probe and network knobs for model jobs. */
  readonly model?: EngineModelOptions;
  /** Indexing knobs for tests and benchmarks. */
  readonly indexer?: EngineIndexerOptions;
  /** Where the chat endpoint's API key lives (default: memory, else POLYSEEK_ANSWER_API_KEY). */
  readonly answerKeys?: AnswerKeyStore;
}

/** Everything a single-process host (server, CLI) needs: settings file, engine, dispatcher, events. */
export interface Runtime {
  readonly dispatch: Dispatch;
  /** `dispatch` typed by the contract. */
  readonly invoke: Invoke;
  readonly events: EventHub;
  readonly settings: SettingsFile;
  readonly engine: Engine;
  dispose(): Promise<void>;
}

export async function openRuntime(options: RuntimeOptions): Promise<Runtime> {
  const events = new EventHub();
  const settings = await SettingsFile.open(settingsPath(options.dataDir));
  const engine = new Engine({
    dataDir: options.dataDir,
    getSettings: () => settings.settings,
    ...(options.modelDir ? { modelDir: options.modelDir } : {}),
    emit: events.emit,
    setModelDir: async (dir) => {
      const view = await settings.update((s) => ({ ...s, model: { ...s.model, dir } }));
      events.emit({ name: 'settings.changed', payload: view });
    },
    ...(options.model ? { model: options.model } : {}),
    ...(options.indexer ? { indexer: options.indexer } : {}),
    ...(options.answerKeys ? { answerKeys: options.answerKeys } : {}),
  });
  const stopFollowing = settings.onChange(() => engine.settingsChanged());
  const onUnexpected =
    options.onUnexpected ?? ((command, error) => console.error(`polyseek: unexpected error in ${command}:`, error));
  const dispatch = createDispatcher(
    {
      'app.info': () => Promise.resolve(describeApp(options.host, options.dataDir)),
      // One process: the engine is ready as soon as the runtime exists.
      'engine.status': () => Promise.resolve(READY),
      ...createSettingsHandlers(settings, events.emit),
      ...createRootsHandlers(settings, events.emit),
      ...engine.handlers(),
    },
    onUnexpected,
  );
  return {
    dispatch,
    invoke: typedInvoke(dispatch),
    events,
    settings,
    engine,
    dispose: () => {
      stopFollowing();
      return engine.dispose();
    },
  };
}
