import { COMMAND_NAMES, PolyseekError, err, errorMessage, type CommandName, type Settings } from '../../shared';
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
  let running: Running | null = null;
  // The engine reads settings on every use; the parent pushes each change here.
  let settings: Settings | null = null;
  let stopping = false;

  const stop = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    for (const controller of inFlight.values()) controller.abort();
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
        const engine = createEngine({ dataDir: message.dataDir, getSettings: () => settings ?? initial });
        const dispatch = createDispatcher({ ...notServedHere(), ...engine.handlers() }, (name, error) =>
          log(`unexpected error in ${name}: ${errorMessage(error)}`),
        );
        running = { engine, dispatch };
        channel.post({ type: 'ready' });
        return;
      }
      case 'settings':
        if (running) settings = message.settings;
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
