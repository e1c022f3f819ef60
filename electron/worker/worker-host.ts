import {
  COMMAND_NAMES,
  PolyseekError,
  err,
  errorMessage,
  type CommandName,
  type ResultError,
  type Settings,
} from '../../shared';
import { SessionKeyStore } from '../engine/answer/key-store';
import { createDispatcher, type Dispatch } from '../engine/dispatch';
import { Engine, type EngineOptions } from '../engine/engine';
import type { Handlers } from '../engine/handlers';
import { parseParentMessage, type ParentMessage } from '../engine/worker-protocol';
import type { ParentChannel } from './parent-channel';

export interface WorkerHostOptions {
  /** Makes the engine; tests pass a stub to exercise failures. Defaults to `new Engine(options)`. */
  readonly createEngine?: (options: EngineOptions) => Engine;
  /** Ends the process; injected so tests can observe it. */
  readonly exit: (code: number) => void;
  /** Where protocol problems are reported; defaults to stderr (inherited by the parent). */
  readonly log?: (message: string) => void;
  /** Read for POLYSEEK_ANSWER_API_KEY when main has sent no key; default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
}

interface Running {
  readonly engine: Engine;
  readonly dispatch: Dispatch;
}

/**
 * The engine process: waits for `init`, then answers `request`s with the engine's dispatcher. One
 * AbortController per request lets the parent cancel commands it gave up on.
 */
export function startWorkerHost(channel: ParentChannel, options: WorkerHostOptions): void {
  const log = options.log ?? ((message: string) => console.error(`polyseek engine: ${message}`));
  const inFlight = new Map<number, AbortController>();
  const modelDirRequests = new ModelDirRequests(channel);
  let running: Running | null = null;
  // The engine reads settings on every use; the parent pushes each change here.
  let settings: Settings | null = null;
  let stopping = false;
  // The chat endpoint's key as main last sent it (from its keychain); the environment variable otherwise.
  const answerKeys = new SessionKeyStore(options.env ?? process.env);

  const stop = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    for (const controller of inFlight.values()) controller.abort();
    modelDirRequests.abandon();
    try {
      await running?.engine.dispose();
    } catch (error) {
      log(`disposing the engine failed: ${errorMessage(error)}`);
    }
    options.exit(code);
  };

  const handle = async (message: ParentMessage): Promise<void> => {
    switch (message.type) {
      case 'init': {
        if (running) return log('ignoring a second init');
        const initial = message.settings;
        settings = initial;
        const createEngine = options.createEngine ?? ((engineOptions) => new Engine(engineOptions));
        const engine = createEngine({
          dataDir: message.dataDir,
          getSettings: () => settings ?? initial,
          emit: (event) => channel.post({ type: 'event', event }),
          setModelDir: (dir) => modelDirRequests.ask(dir),
          answerKeys,
        });
        const dispatch = createDispatcher({ ...notServedHere(), ...engine.handlers() }, (name, error) =>
          log(`unexpected error in ${name}: ${errorMessage(error)}`),
        );
        running = { engine, dispatch };
        channel.post({ type: 'ready' });
        return;
      }
      case 'settings':
        if (!running) return;
        settings = message.settings;
        running.engine.settingsChanged();
        return;
      case 'request': {
        if (!running) {
          const result = err('ENGINE_UNAVAILABLE', `${message.name}: the engine has not been initialised`);
          return channel.post({ type: 'response', id: message.id, result });
        }
        const controller = new AbortController();
        inFlight.set(message.id, controller);
        const result = await running.dispatch(message.name, message.input, { signal: controller.signal });
        inFlight.delete(message.id);
        if (!stopping) channel.post({ type: 'response', id: message.id, result });
        return;
      }
      case 'cancel':
        inFlight.get(message.id)?.abort();
        return;
      case 'shutdown':
        return stop(0);
      case 'set-model-dir-done':
        return modelDirRequests.settle(message.id, message.error);
      case 'answer-key':
        // Kept even before init: the store exists from the start and the engine reads it on each use.
        return answerKeys.receive(message.apiKey, message.source, message.keychain);
    }
  };

  channel.onMessage((raw) => {
    const parsed = parseParentMessage(raw);
    if (!parsed.ok) return log(`dropping an invalid message: ${parsed.error.message}`);
    handle(parsed.value).catch((error: unknown) => log(`handling ${parsed.value.type}: ${errorMessage(error)}`));
  });
  // Without a parent nobody can use or stop this process; leave rather than linger.
  channel.onDisconnect(() => void stop(0));
}

/** `set-model-dir` requests to the parent, each settled by its `set-model-dir-done`. */
class ModelDirRequests {
  private readonly pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  private nextId = 1;

  constructor(private readonly channel: ParentChannel) {}

  ask(dir: string | null): Promise<void> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.channel.post({ type: 'set-model-dir', id, dir });
    });
  }

  settle(id: number, error: ResultError | null): void {
    const entry = this.pending.get(id);
    this.pending.delete(id);
    if (error) entry?.reject(new PolyseekError(error.code, error.message));
    else entry?.resolve();
  }

  abandon(): void {
    for (const entry of this.pending.values()) entry.reject(new PolyseekError('CANCELLED', 'the engine is stopping'));
    this.pending.clear();
  }
}

/**
 * Commands the parent serves itself (settings, licence, app info). Reaching the worker with one is a
 * routing bug in the parent, reported as such rather than answered with the worker's idea of settings.
 */
function notServedHere(): Handlers {
  const table: Partial<Record<CommandName, () => Promise<never>>> = {};
  for (const name of COMMAND_NAMES) {
    table[name] = () => Promise.reject(new PolyseekError('UNKNOWN_COMMAND', `${name} is not served by the engine`));
  }
  return table as Handlers;
}
