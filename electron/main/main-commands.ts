import {
  COMMAND_NAMES,
  PolyseekError,
  type AnswerStatus,
  type CommandName,
  type EngineState,
  type Result,
  type Settings,
} from '../../shared';
import { describeApp } from '../engine/app-info';
import { createDispatcher, type Dispatch } from '../engine/dispatch';
import type { EventSink, Handler, Handlers } from '../engine/handlers';
import { createRootsHandlers, type RootsCommand } from '../engine/indexer/roots-handlers';
import { createSettingsHandlers, type SettingsCommand, type SettingsFile } from '../engine/settings';
import type { AnswerKeyState } from './answer-key';
import { createFileCommands, type DesktopShell } from './file-commands';

/** What main needs from the engine process (the supervisor, or a stub in tests). */
export interface EngineClient {
  /** The engine process's lifecycle state, as last reported in `engine.state` events. */
  readonly state: EngineState;
  request(name: string, input: unknown): Promise<Result<unknown>>;
  updateSettings(settings: Settings): void;
  /** Hands the chat endpoint's key to the engine now and after every restart. */
  setAnswerKey(key: AnswerKeyState): void;
}

/** Main's keeper of the chat endpoint's API key (the keychain file, or a stand-in in tests). */
export interface AnswerKeyKeeper {
  current(): AnswerKeyState;
  set(apiKey: string | null): Promise<AnswerKeyState>;
}

/**
 * Served in main, which owns the settings file (roots live there); every other command belongs to the
 * engine process, which learns of root changes through the settings it is sent.
 */
type MainCommand = 'app.info' | 'engine.status' | SettingsCommand | RootsCommand;
const MAIN_COMMANDS: ReadonlySet<CommandName> = new Set<MainCommand>([
  'app.info',
  'engine.status',
  'settings.get',
  'settings.set',
  'license.status',
  'license.accept',
  'roots.list',
  'roots.add',
  'roots.update',
  'roots.remove',
]);
type ForwardedCommand = Exclude<CommandName, MainCommand>;

export interface MainCommandsOptions {
  /** Electron's userData folder, the profile shared with the CLI and server. */
  readonly dataDir: string;
  readonly settings: SettingsFile;
  readonly engine: EngineClient;
  readonly emit: EventSink;
  /** Chromium's view of the GPU (`app.getGPUFeatureStatus()`), merged into `gpu.status`. */
  readonly gpuFeatureStatus: () => object;
  /**
   * Electron's `shell`, which opens what the engine checked for `file.open` / `file.reveal`. Without it
   * they answer the engine's check (`opened: false`) and open nothing.
   */
  readonly shell?: DesktopShell;
  /**
   * Where the chat endpoint's key is kept (the OS keychain): `answer.setKey` is served here and the key is
   * pushed to the engine. A promise while the keychain is still being read (it may wait for the person to
   * unlock it), so the window need not. Without it the engine keeps keys in memory, as on the server.
   */
  readonly answerKeys?: AnswerKeyKeeper | Promise<AnswerKeyKeeper>;
  /** Bugs that reached the dispatcher; defaults to stderr. */
  readonly onUnexpected?: (command: string, error: unknown) => void;
}

export interface MainCommands {
  readonly dispatch: Dispatch;
  /** Records settings `model.dir` for the engine after `model.locate`; the new settings reach it first. */
  setModelDir(dir: string | null): Promise<void>;
  dispose(): void;
}

/**
 * Main serves what it owns (app info, the settings file, the licence record) and forwards the engine's
 * commands to the worker. Every settings change is pushed to the worker, which never reads the file.
 */
export function createMainCommands(options: MainCommandsOptions): MainCommands {
  const { engine } = options;
  const forwarded = forwardEngineCommands(engine);
  const handlers: Handlers = {
    'app.info': () => Promise.resolve(describeApp('electron', options.dataDir)),
    'engine.status': () => Promise.resolve(engine.state),
    ...createSettingsHandlers(options.settings, options.emit),
    ...createRootsHandlers(options.settings, options.emit),
    ...forwarded,
    'gpu.status': async (input, context) => ({
      ...(await forwarded['gpu.status'](input, context)),
      electronGpu: stringEntries(options.gpuFeatureStatus()),
    }),
    ...(options.shell ? createFileCommands(forwarded, options.shell) : {}),
    ...(options.answerKeys ? createAnswerKeyCommands(forwarded, engine, options.answerKeys) : {}),
  };
  const onUnexpected =
    options.onUnexpected ?? ((command, error) => console.error(`polyseek: unexpected error in ${command}:`, error));
  const stopPushing = options.settings.onChange((view) => engine.updateSettings(view.settings));
  const setModelDir = async (dir: string | null): Promise<void> => {
    const view = await options.settings.update((s) => ({ ...s, model: { ...s.model, dir } }));
    options.emit({ name: 'settings.changed', payload: view });
  };
  return { dispatch: createDispatcher(handlers, onUnexpected), setModelDir, dispose: stopPushing };
}

/**
 * `answer.setKey` / `answer.status` in main, which owns the keychain: the key is stored here, then pushed
 * to the engine (which alone uses it), and the engine's status is answered with main's view of the key.
 * Commands that use the key wait until the keychain has been read, so none reaches the engine before it.
 */
function createAnswerKeyCommands(
  forwarded: Pick<Handlers, 'answer.status' | 'answer.ask' | 'answer.check'>,
  engine: EngineClient,
  keeper: AnswerKeyKeeper | Promise<AnswerKeyKeeper>,
): Pick<Handlers, 'answer.status' | 'answer.setKey' | 'answer.ask' | 'answer.check'> {
  const ready = Promise.resolve(keeper).then((keys) => {
    engine.setAnswerKey(keys.current());
    return keys;
  });
  const withKey = (keys: AnswerKeyKeeper, status: AnswerStatus): AnswerStatus => {
    const held = keys.current();
    // No key in main: the engine may still have one from POLYSEEK_ANSWER_API_KEY.
    const key = held.apiKey === null ? status.key : { present: true, source: held.source };
    return { ...status, key, keychain: held.keychain };
  };
  return {
    'answer.ask': async (input, context) => {
      await ready;
      return forwarded['answer.ask'](input, context);
    },
    'answer.check': async (input, context) => {
      await ready;
      return forwarded['answer.check'](input, context);
    },
    'answer.status': async (input, context) => {
      const keys = await ready;
      return withKey(keys, await forwarded['answer.status'](input, context));
    },
    'answer.setKey': async (input, context) => {
      const keys = await ready;
      engine.setAnswerKey(await keys.set(input.apiKey));
      // Sent after the key, so the engine's status already counts it.
      return withKey(keys, await forwarded['answer.status']({}, context));
    },
  };
}

/**
 * Derived from the contract rather than the engine's own list, so main never imports the engine (whose
 * modules lazily load ORT) and a new engine command needs no change here.
 */
function forwardEngineCommands(engine: EngineClient): Pick<Handlers, ForwardedCommand> {
  const table: Partial<Record<ForwardedCommand, Handler<ForwardedCommand>>> = {};
  for (const name of COMMAND_NAMES.filter((n): n is ForwardedCommand => !MAIN_COMMANDS.has(n))) {
    // The worker's answer is checked against the command's output schema by main's dispatcher too.
    table[name] = async (input) => {
      const result = await engine.request(name, input);
      if (!result.ok) throw new PolyseekError(result.error.code, result.error.message);
      return result.value as never;
    };
  }
  return table as Pick<Handlers, ForwardedCommand>;
}

function stringEntries(value: object): Record<string, string> {
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}
