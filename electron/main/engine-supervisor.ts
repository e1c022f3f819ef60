import {
  PolyseekError,
  err,
  errorMessage,
  type EngineState,
  type ErrorCode,
  type PolyseekEvent,
  type Result,
  type ResultError,
  type Settings,
} from '../../shared';
import { parseWorkerMessage, type AnswerKeyMessage, type ParentMessage } from '../engine/worker-protocol';

/** A started engine process, whatever started it (Electron's utilityProcess, or Node's fork in tests). */
export interface EngineProcess {
  postMessage(message: ParentMessage): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once when the process has ended, with how it ended in words ("exit code 1", "SIGKILL"). */
  onExit(listener: (how: string) => void): void;
  /** Ends the process now (SIGTERM or the platform's equivalent). */
  kill(): void;
}

export type SpawnEngine = () => EngineProcess;

export interface EngineSupervisorOptions {
  /** Starts one engine process; called again for every restart. */
  readonly spawn: SpawnEngine;
  /** Profile folder handed to the engine in `init`. */
  readonly dataDir: string;
  /** The latest settings; read for every (re)start. */
  readonly getSettings: () => Settings;
  /** Every state change, for the `engine.state` event. */
  readonly onState?: (state: EngineState) => void;
  /** Events the engine sends (progress and the like). */
  readonly onEvent?: (event: PolyseekEvent) => void;
  /**
   * Records settings `model.dir` for the engine (which cannot write settings) and pushes the new settings
   * to it; without it the engine's request is refused.
   */
  readonly onSetModelDir?: (dir: string | null) => Promise<void>;
  /** How long a request may wait, queued and running together. Default 60 000 ms. */
  readonly requestTimeoutMs?: number;
  /**
   * A command's own limit instead of `requestTimeoutMs` (milliseconds; null: none), read when it is sent.
   * Default `defaultCommandTimeout`: answers stream for as long as the model talks.
   */
  readonly commandTimeoutMs?: CommandTimeout;
  /** How long a new process has to say `ready` before it is killed (and counted as a crash). Default 30 000 ms. */
  readonly startTimeoutMs?: number;
  /** Delay before the first restart; doubles with each crash in the window. Default 500 ms. */
  readonly restartDelayMs?: number;
  /** Cap on the restart delay. Default 30 000 ms. */
  readonly maxRestartDelayMs?: number;
  /** Crashes within `crashWindowMs` after which the supervisor gives up ('failed'). Default 5. */
  readonly maxCrashes?: number;
  /** Default 60 000 ms. */
  readonly crashWindowMs?: number;
  /** How long `dispose()` waits for a clean exit before killing. Default 3 000 ms. */
  readonly shutdownGraceMs?: number;
  /** Clock for the crash window (ms). Default `Date.now`. */
  readonly now?: () => number;
  /** Defaults to stderr. */
  readonly log?: (message: string) => void;
}

/** A command's limit in ms (null: none), `undefined` for the supervisor's `requestTimeoutMs`. */
export type CommandTimeout = (name: string, settings: Settings) => number | null | undefined;

/** Room for the engine's own answer after the endpoint's timeout ran out. */
const ENGINE_MARGIN_MS = 10_000;

/**
 * `answer.ask` has no limit here: it streams for minutes, and the engine bounds every chat request itself
 * (settings `answer.timeoutSeconds` to the first text and between pieces); the person stops it with
 * `answer.cancel`, and a crash still answers ENGINE_CRASHED. `answer.check` waits for the endpoint up to
 * that same timeout (120 s by default, above the 60 s default here).
 */
export const defaultCommandTimeout: CommandTimeout = (name, settings) => {
  if (name === 'answer.ask') return null;
  if (name === 'answer.check') return Math.max(60_000, settings.answer.timeoutSeconds * 1000 + ENGINE_MARGIN_MS);
  return undefined;
};

/** A caller flooding a dead engine must not grow memory without bound. */
const MAX_PENDING = 1000;

interface Pending {
  readonly message: Extract<ParentMessage, { type: 'request' }>;
  readonly resolve: (result: Result<unknown>) => void;
  readonly timer: ReturnType<typeof setTimeout> | null;
  readonly timeoutMs: number | null;
  sent: boolean;
}

/**
 * Runs the engine in its own process and keeps it running. Requests made while the engine is starting or
 * restarting are queued (each within its own timeout) and sent once it is ready; requests in flight when
 * the process dies answer ENGINE_CRASHED; after `maxCrashes` crashes within `crashWindowMs` it gives up
 * and answers ENGINE_UNAVAILABLE until disposed. `request()` never rejects.
 */
export class EngineSupervisor {
  private readonly options: Required<Omit<EngineSupervisorOptions, 'onState' | 'onEvent' | 'onSetModelDir'>> &
    Pick<EngineSupervisorOptions, 'onState' | 'onEvent' | 'onSetModelDir'>;
  private child: EngineProcess | null = null;
  private ready = false;
  private current: EngineState = { state: 'stopped', restarts: 0, message: 'not started' };
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private crashTimes: number[] = [];
  private lastFatal: string | null = null;
  private startTimer: ReturnType<typeof setTimeout> | null = null;
  private restartTimer: ReturnType<typeof setTimeout> | null = null;
  private disposing: Promise<void> | null = null;
  private onStopped: (() => void) | null = null;
  private answerKey: AnswerKeyMessage | null = null;

  constructor(options: EngineSupervisorOptions) {
    this.options = {
      requestTimeoutMs: 60_000,
      commandTimeoutMs: defaultCommandTimeout,
      startTimeoutMs: 30_000,
      restartDelayMs: 500,
      maxRestartDelayMs: 30_000,
      maxCrashes: 5,
      crashWindowMs: 60_000,
      shutdownGraceMs: 3_000,
      now: Date.now,
      log: (message) => console.error(`polyseek: ${message}`),
      ...options,
    };
  }

  get state(): EngineState {
    return { ...this.current };
  }

  start(): void {
    if (this.disposing || this.child || this.restartTimer || this.current.state === 'failed') return;
    this.setState('starting', null);
    this.launch();
  }

  request(name: string, input: unknown): Promise<Result<unknown>> {
    const { state, message } = this.current;
    if (this.disposing || state === 'failed' || state === 'stopped') {
      return Promise.resolve(err('ENGINE_UNAVAILABLE', `${name}: the engine is ${state} (${message ?? 'no reason'})`));
    }
    if (this.pending.size >= MAX_PENDING) {
      return Promise.resolve(err('ENGINE_UNAVAILABLE', `${name}: too many requests are waiting for the engine`));
    }
    const id = this.nextId++;
    const own = this.options.commandTimeoutMs(name, this.options.getSettings());
    const timeoutMs = own === undefined ? this.options.requestTimeoutMs : own;
    return new Promise((resolve) => {
      const timer = timeoutMs === null ? null : setTimeout(() => this.expire(id), timeoutMs);
      const message = { type: 'request' as const, id, name, input };
      const entry: Pending = { message, resolve, timer, timeoutMs, sent: false };
      this.pending.set(id, entry);
      if (this.ready) this.send(id, entry);
    });
  }

  /**
   * The chat endpoint's key for the engine: sent now to a ready engine, and again after every restart's
   * `ready`, before any queued request (so an `answer.status` asked after a change sees it).
   */
  setAnswerKey(key: Omit<AnswerKeyMessage, 'type'>): void {
    this.answerKey = { type: 'answer-key', ...key };
    if (this.child && this.ready) this.post(this.child, this.answerKey);
  }

  /** Pushes changed settings to a running engine; a restarted one gets the latest in `init`. */
  updateSettings(settings: Settings): void {
    if (this.child && this.ready) this.post(this.child, { type: 'settings', settings });
  }

  /** Stops the engine for good: asks it to shut down, kills it after the grace period. */
  dispose(): Promise<void> {
    this.disposing ??= this.stop();
    return this.disposing;
  }

  private async stop(): Promise<void> {
    this.clearTimer('restartTimer');
    this.clearTimer('startTimer');
    this.settleAll('ENGINE_UNAVAILABLE', 'the engine is shutting down', () => true);
    this.setState('stopped', 'shut down');
    const child = this.child;
    if (!child) return;
    const exited = new Promise<void>((resolve) => (this.onStopped = resolve));
    this.post(child, { type: 'shutdown' });
    const grace = this.options.shutdownGraceMs;
    const killTimer = setTimeout(() => child.kill(), grace);
    // A process that ignores even the kill is abandoned rather than blocking quit forever.
    let giveUpTimer: ReturnType<typeof setTimeout> | undefined;
    const giveUp = new Promise<void>((resolve) => (giveUpTimer = setTimeout(resolve, grace * 2)));
    await Promise.race([exited, giveUp]);
    clearTimeout(killTimer);
    clearTimeout(giveUpTimer);
    this.child = null;
  }

  private launch(): void {
    let child: EngineProcess;
    try {
      child = this.options.spawn();
    } catch (error) {
      this.handleExit(`could not start: ${errorMessage(error)}`);
      return;
    }
    this.child = child;
    this.ready = false;
    child.onMessage((message) => {
      if (this.child === child) this.receive(message);
    });
    child.onExit((how) => {
      if (this.child === child) this.handleExit(how);
    });
    this.post(child, { type: 'init', dataDir: this.options.dataDir, settings: this.options.getSettings() });
    this.startTimer = setTimeout(() => {
      this.lastFatal = `not ready within ${seconds(this.options.startTimeoutMs)}`;
      child.kill();
    }, this.options.startTimeoutMs);
  }

  private receive(raw: unknown): void {
    const parsed = parseWorkerMessage(raw);
    if (!parsed.ok) return this.options.log(`dropping an invalid message from the engine: ${parsed.error.message}`);
    const message = parsed.value;
    switch (message.type) {
      case 'ready':
        this.clearTimer('startTimer');
        this.ready = true;
        if (this.child && this.answerKey) this.post(this.child, this.answerKey);
        this.setState('ready', null);
        for (const [id, entry] of this.pending) if (!entry.sent) this.send(id, entry);
        return;
      case 'response':
        return this.settle(message.id, message.result);
      case 'event':
        return this.options.onEvent?.(message.event);
      case 'fatal':
        this.lastFatal = message.message;
        return this.options.log(`engine reported a fatal error: ${message.message}`);
      case 'set-model-dir':
        return void this.setModelDir(message.id, message.dir);
    }
  }

  private async setModelDir(id: number, dir: string | null): Promise<void> {
    const child = this.child;
    let error: ResultError | null = null;
    try {
      if (!this.options.onSetModelDir) throw new PolyseekError('INTERNAL', 'main cannot record settings model.dir');
      await this.options.onSetModelDir(dir);
    } catch (caught) {
      error =
        caught instanceof PolyseekError
          ? { code: caught.code, message: caught.message }
          : { code: 'INTERNAL', message: errorMessage(caught) };
    }
    if (child && child === this.child) this.post(child, { type: 'set-model-dir-done', id, error });
  }

  private handleExit(how: string): void {
    this.clearTimer('startTimer');
    this.child = null;
    this.ready = false;
    const reason = this.lastFatal === null ? how : `${how}: ${this.lastFatal}`;
    this.lastFatal = null;
    this.settleAll('ENGINE_CRASHED', `the engine stopped (${reason})`, (entry) => entry.sent);
    if (this.disposing) return this.onStopped?.();

    const now = this.options.now();
    this.crashTimes = [...this.crashTimes.filter((t) => now - t < this.options.crashWindowMs), now];
    const crashes = this.crashTimes.length;
    if (crashes >= this.options.maxCrashes) {
      const why = `the engine stopped ${crashes} times within ${seconds(this.options.crashWindowMs)}; last: ${reason}`;
      this.setState('failed', why);
      this.settleAll('ENGINE_UNAVAILABLE', why, () => true);
      return;
    }
    const delay = Math.min(this.options.restartDelayMs * 2 ** (crashes - 1), this.options.maxRestartDelayMs);
    this.current = { ...this.current, restarts: this.current.restarts + 1 };
    this.setState('restarting', `the engine stopped (${reason}); restarting in ${seconds(delay)}`);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      this.launch();
    }, delay);
  }

  private send(id: number, entry: Pending): void {
    const child = this.child;
    if (!child) return;
    entry.sent = true;
    if (!this.post(child, entry.message)) this.settle(id, err('ENGINE_CRASHED', `${entry.message.name}: not sent`));
  }

  private post(child: EngineProcess, message: ParentMessage): boolean {
    try {
      child.postMessage(message);
      return true;
    } catch (error) {
      this.options.log(`sending ${message.type} to the engine failed: ${errorMessage(error)}`);
      return false;
    }
  }

  private expire(id: number): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    if (entry.sent && this.child) this.post(this.child, { type: 'cancel', id });
    const { name } = entry.message;
    this.settle(id, err('TIMEOUT', `${name}: no answer from the engine within ${seconds(entry.timeoutMs ?? 0)}`));
  }

  private settle(id: number, result: Result<unknown>): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    if (entry.timer) clearTimeout(entry.timer);
    this.pending.delete(id);
    entry.resolve(result);
  }

  private settleAll(code: ErrorCode, why: string, which: (entry: Pending) => boolean): void {
    for (const [id, entry] of this.pending)
      if (which(entry)) this.settle(id, err(code, `${entry.message.name}: ${why}`));
  }

  private setState(state: EngineState['state'], message: string | null): void {
    this.current = { state, restarts: this.current.restarts, message };
    this.options.onState?.({ ...this.current });
  }

  private clearTimer(which: 'startTimer' | 'restartTimer'): void {
    const timer = this[which];
    if (timer) clearTimeout(timer);
    this[which] = null;
  }
}

function seconds(ms: number): string {
  return `${ms / 1000} s`;
}
