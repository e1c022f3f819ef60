import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { ParentMessage } from '../../../../electron/engine/worker-protocol';
import {
  EngineSupervisor,
  type EngineProcess,
  type EngineSupervisorOptions,
} from '../../../../electron/main/engine-supervisor';
import {
  DEFAULT_SETTINGS,
  PolyseekError,
  type EngineState,
  type PolyseekEvent,
  type Settings,
} from '../../../../shared';

/** An in-memory engine process: records what the supervisor posts; the test answers as the worker. */
class FakeEngine implements EngineProcess {
  readonly posted: ParentMessage[] = [];
  private messageListener: (message: unknown) => void = () => undefined;
  private exitListener: (how: string) => void = () => undefined;
  killed = false;

  constructor(private readonly auto: { ready: boolean; exitOnShutdown: boolean }) {}

  postMessage(message: ParentMessage): void {
    this.posted.push(message);
    if (message.type === 'init' && this.auto.ready) queueMicrotask(() => this.reply({ type: 'ready' }));
    if (message.type === 'shutdown' && this.auto.exitOnShutdown) queueMicrotask(() => this.exit('exit code 0'));
  }
  onMessage(listener: (message: unknown) => void): void {
    this.messageListener = listener;
  }
  onExit(listener: (how: string) => void): void {
    this.exitListener = listener;
  }
  kill(): void {
    this.killed = true;
    queueMicrotask(() => this.exit('killed by SIGTERM'));
  }

  reply(message: unknown): void {
    this.messageListener(message);
  }
  exit(how: string): void {
    this.exitListener(how);
  }
  requests(): Extract<ParentMessage, { type: 'request' }>[] {
    return this.posted.filter((m): m is Extract<ParentMessage, { type: 'request' }> => m.type === 'request');
  }
  /** Answers every request so far with `value`. */
  answerAll(value: unknown): void {
    for (const { id } of this.requests()) this.reply({ type: 'response', id, result: { ok: true, value } });
  }
}

interface Harness {
  supervisor: EngineSupervisor;
  engines: FakeEngine[];
  states: EngineState[];
  events: PolyseekEvent[];
  log: ReturnType<typeof vi.fn>;
  latest: () => FakeEngine;
}

function harness(
  options: Partial<EngineSupervisorOptions> = {},
  auto = { ready: true, exitOnShutdown: true },
): Harness {
  const engines: FakeEngine[] = [];
  const states: EngineState[] = [];
  const events: PolyseekEvent[] = [];
  const log = vi.fn();
  const supervisor = new EngineSupervisor({
    spawn: () => {
      const engine = new FakeEngine(auto);
      engines.push(engine);
      return engine;
    },
    dataDir: '/profile',
    getSettings: () => DEFAULT_SETTINGS,
    onState: (state) => states.push(state),
    onEvent: (event) => events.push(event),
    log,
    ...options,
  });
  return { supervisor, engines, states, events, log, latest: () => engines.at(-1) as FakeEngine };
}

/** Lets queued microtasks (the fake's replies) run without moving the fake clock. */
async function flush(): Promise<void> {
  await vi.advanceTimersByTimeAsync(0);
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('EngineSupervisor', () => {
  it('starts the engine with the profile and settings and reports starting → ready', async () => {
    const { supervisor, states, latest } = harness();
    supervisor.start();
    await flush();
    expect(latest().posted[0]).toEqual({ type: 'init', dataDir: '/profile', settings: DEFAULT_SETTINGS });
    expect(states.map((s) => s.state)).toEqual(['starting', 'ready']);
    expect(supervisor.state).toEqual({ state: 'ready', restarts: 0, message: null });
  });

  it('queues requests made while starting and sends them once ready', async () => {
    const { supervisor, latest } = harness({}, { ready: false, exitOnShutdown: true });
    supervisor.start();
    const answer = supervisor.request('gpu.status', {});
    await flush();
    expect(latest().requests()).toEqual([]);
    latest().reply({ type: 'ready' });
    expect(latest().requests()).toEqual([{ type: 'request', id: 1, name: 'gpu.status', input: {} }]);
    latest().answerAll('gpu');
    await expect(answer).resolves.toEqual({ ok: true, value: 'gpu' });
  });

  it('answers ENGINE_UNAVAILABLE before start', async () => {
    const { supervisor } = harness();
    await expect(supervisor.request('gpu.status', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'ENGINE_UNAVAILABLE' },
    });
  });

  it('matches responses to requests by id, whatever the order', async () => {
    const { supervisor, latest } = harness();
    supervisor.start();
    await flush();
    const first = supervisor.request('gpu.status', { n: 1 });
    const second = supervisor.request('gpu.status', { n: 2 });
    const [a, b] = latest().requests();
    latest().reply({ type: 'response', id: b?.id, result: { ok: true, value: 'second' } });
    latest().reply({ type: 'response', id: a?.id, result: { ok: false, error: { code: 'CANCELLED', message: 'x' } } });
    await expect(first).resolves.toEqual({ ok: false, error: { code: 'CANCELLED', message: 'x' } });
    await expect(second).resolves.toEqual({ ok: true, value: 'second' });
  });

  it('drops malformed messages and forwards valid events', async () => {
    const { supervisor, latest, log, events } = harness();
    supervisor.start();
    await flush();
    const pending = supervisor.request('gpu.status', {});
    latest().reply({ type: 'response', id: 1, result: { ok: 'yes' } });
    latest().reply('garbage');
    latest().reply({ type: 'event', event: { name: 'engine.state', payload: { state: 'bogus' } } });
    expect(log).toHaveBeenCalledTimes(3);
    const event = {
      name: 'license.changed',
      payload: { accepted: false, licenseId: 'CC-BY-NC-4.0', modelId: 'jinaai/jina-embeddings-v3', acceptedAt: null },
    };
    latest().reply({ type: 'event', event });
    expect(events).toEqual([event]);
    latest().answerAll('late but valid');
    await expect(pending).resolves.toEqual({ ok: true, value: 'late but valid' });
  });

  it('records the model folder the engine asks for, then answers it (or says why not)', async () => {
    const recorded: (string | null)[] = [];
    const { supervisor, latest } = harness({
      onSetModelDir: (dir) => {
        if (dir === '/readonly') return Promise.reject(new PolyseekError('SETTINGS_TOO_NEW', 'newer file'));
        recorded.push(dir);
        return Promise.resolve();
      },
    });
    supervisor.start();
    await flush();
    latest().reply({ type: 'set-model-dir', id: 7, dir: '/media/stick' });
    latest().reply({ type: 'set-model-dir', id: 8, dir: '/readonly' });
    await flush();
    expect(recorded).toEqual(['/media/stick']);
    expect(latest().posted.filter((m) => m.type === 'set-model-dir-done')).toEqual([
      { type: 'set-model-dir-done', id: 7, error: null },
      { type: 'set-model-dir-done', id: 8, error: { code: 'SETTINGS_TOO_NEW', message: 'newer file' } },
    ]);
  });

  it('times a request out, tells the engine to cancel it, and ignores the late answer', async () => {
    const { supervisor, latest } = harness({ requestTimeoutMs: 1_000 });
    supervisor.start();
    await flush();
    const answer = supervisor.request('gpu.status', {});
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(answer).resolves.toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
    expect(latest().posted.at(-1)).toEqual({ type: 'cancel', id: 1 });
    latest().answerAll('too late');
    expect(supervisor.state.state).toBe('ready');
  });

  it('times out a request queued behind an engine that never becomes ready', async () => {
    const { supervisor } = harness(
      { requestTimeoutMs: 1_000, startTimeoutMs: 60_000 },
      { ready: false, exitOnShutdown: true },
    );
    supervisor.start();
    const answer = supervisor.request('gpu.status', {});
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(answer).resolves.toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
  });

  it('fails in-flight requests with ENGINE_CRASHED, restarts, and serves again', async () => {
    const { supervisor, engines, states, latest } = harness({ restartDelayMs: 500 });
    supervisor.start();
    await flush();
    const inFlight = supervisor.request('gpu.status', {});
    latest().exit('killed by SIGKILL');
    await expect(inFlight).resolves.toEqual({
      ok: false,
      error: { code: 'ENGINE_CRASHED', message: 'gpu.status: the engine stopped (killed by SIGKILL)' },
    });
    expect(supervisor.state).toEqual({
      state: 'restarting',
      restarts: 1,
      message: 'the engine stopped (killed by SIGKILL); restarting in 0.5 s',
    });

    const queued = supervisor.request('gpu.status', {});
    await vi.advanceTimersByTimeAsync(499);
    expect(engines).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(engines).toHaveLength(2);
    await flush();
    expect(states.map((s) => s.state)).toEqual(['starting', 'ready', 'restarting', 'ready']);
    latest().answerAll('after restart');
    await expect(queued).resolves.toEqual({ ok: true, value: 'after restart' });
    expect(supervisor.state).toEqual({ state: 'ready', restarts: 1, message: null });
  });

  it('doubles the restart delay for each crash in the window, up to the cap', async () => {
    const { supervisor, engines, states } = harness({ restartDelayMs: 500, maxRestartDelayMs: 1_500, maxCrashes: 10 });
    supervisor.start();
    await flush();
    for (const delay of [500, 1_000, 1_500, 1_500]) {
      const before = engines.length;
      engines.at(-1)?.exit('exit code 1');
      await vi.advanceTimersByTimeAsync(delay - 1);
      expect(engines).toHaveLength(before);
      await vi.advanceTimersByTimeAsync(1);
      expect(engines).toHaveLength(before + 1);
      await flush();
    }
    expect(states.filter((s) => s.state === 'restarting').map((s) => s.message)).toEqual([
      'the engine stopped (exit code 1); restarting in 0.5 s',
      'the engine stopped (exit code 1); restarting in 1 s',
      'the engine stopped (exit code 1); restarting in 1.5 s',
      'the engine stopped (exit code 1); restarting in 1.5 s',
    ]);
  });

  it('gives up after too many crashes within the window and says why', async () => {
    const { supervisor, engines, latest } = harness({ maxCrashes: 3, crashWindowMs: 60_000, restartDelayMs: 100 });
    supervisor.start();
    await flush();
    latest().exit('exit code 1');
    await vi.advanceTimersByTimeAsync(100);
    latest().exit('exit code 1');
    await vi.advanceTimersByTimeAsync(200);
    latest().reply({ type: 'fatal', message: 'cannot open the index' });
    latest().exit('exit code 70');
    expect(supervisor.state).toEqual({
      state: 'failed',
      restarts: 2,
      message: 'the engine stopped 3 times within 60 s; last: exit code 70: cannot open the index',
    });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(engines).toHaveLength(3);
    await expect(supervisor.request('gpu.status', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'ENGINE_UNAVAILABLE', message: expect.stringContaining('cannot open the index') as string },
    });
  });

  it('forgets crashes older than the window', async () => {
    const { supervisor, latest } = harness({ maxCrashes: 2, crashWindowMs: 10_000, restartDelayMs: 100 });
    supervisor.start();
    await flush();
    latest().exit('exit code 1');
    await vi.advanceTimersByTimeAsync(20_000);
    latest().exit('exit code 1');
    expect(supervisor.state.state).toBe('restarting');
  });

  it('kills an engine that does not become ready in time, and counts it as a crash', async () => {
    const { supervisor, engines } = harness({ startTimeoutMs: 5_000 }, { ready: false, exitOnShutdown: true });
    supervisor.start();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(engines[0]?.killed).toBe(true);
    expect(supervisor.state).toMatchObject({
      state: 'restarting',
      message: expect.stringContaining('killed by SIGTERM: not ready within 5 s') as string,
    });
  });

  it('treats a spawn that throws like a crash', async () => {
    let attempts = 0;
    const { supervisor } = harness({
      spawn: () => {
        attempts += 1;
        throw new Error('EACCES');
      },
      maxCrashes: 2,
      restartDelayMs: 100,
    });
    supervisor.start();
    expect(supervisor.state.message).toContain('could not start: EACCES');
    await vi.advanceTimersByTimeAsync(100);
    expect(attempts).toBe(2);
    expect(supervisor.state.state).toBe('failed');
  });

  it('pushes settings to a ready engine and starts a restarted one with the latest', async () => {
    let settings: Settings = DEFAULT_SETTINGS;
    const { supervisor, latest } = harness({ getSettings: () => settings, restartDelayMs: 100 });
    supervisor.start();
    await flush();
    settings = { ...DEFAULT_SETTINGS, compute: { provider: 'cpu', threads: 2 } };
    supervisor.updateSettings(settings);
    expect(latest().posted.at(-1)).toEqual({ type: 'settings', settings });
    latest().exit('exit code 1');
    await vi.advanceTimersByTimeAsync(100);
    expect(latest().posted[0]).toEqual({ type: 'init', dataDir: '/profile', settings });
  });

  it('dispose() shuts the engine down, fails waiting requests, and never restarts it', async () => {
    const { supervisor, engines, latest } = harness();
    supervisor.start();
    await flush();
    const waiting = supervisor.request('gpu.status', {});
    await supervisor.dispose();
    expect(latest().posted.at(-1)).toEqual({ type: 'shutdown' });
    expect(latest().killed).toBe(false);
    await expect(waiting).resolves.toMatchObject({ ok: false, error: { code: 'ENGINE_UNAVAILABLE' } });
    expect(supervisor.state).toEqual({ state: 'stopped', restarts: 0, message: 'shut down' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(engines).toHaveLength(1);
    await expect(supervisor.request('gpu.status', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'ENGINE_UNAVAILABLE' },
    });
    supervisor.start();
    expect(engines).toHaveLength(1);
  });

  it('dispose() kills an engine that ignores shutdown', async () => {
    const { supervisor, latest } = harness({ shutdownGraceMs: 1_000 }, { ready: true, exitOnShutdown: false });
    supervisor.start();
    await flush();
    const disposed = supervisor.dispose();
    await vi.advanceTimersByTimeAsync(1_000);
    await disposed;
    expect(latest().killed).toBe(true);
  });

  it('dispose() during a restart delay cancels the restart', async () => {
    const { supervisor, engines, latest } = harness({ restartDelayMs: 1_000 });
    supervisor.start();
    await flush();
    latest().exit('exit code 1');
    await supervisor.dispose();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(engines).toHaveLength(1);
    expect(supervisor.state.state).toBe('stopped');
  });
});

describe('EngineSupervisor and answers', () => {
  const KEY = {
    apiKey: 'sk-supervised-key-0123456789',
    source: 'keychain' as const,
    keychain: { available: true, message: null },
  };

  it('sends the answer key to a ready engine, and again after each restart before queued requests', async () => {
    const { supervisor, engines, latest, log } = harness(
      { restartDelayMs: 100 },
      { ready: false, exitOnShutdown: true },
    );
    supervisor.setAnswerKey(KEY);
    supervisor.start();
    const queued = supervisor.request('answer.status', {});
    await flush();
    // Not before `ready`: an engine still starting could not take it.
    expect(latest().posted.map((m) => m.type)).toEqual(['init']);
    latest().reply({ type: 'ready' });
    expect(latest().posted.map((m) => m.type)).toEqual(['init', 'answer-key', 'request']);
    expect(latest().posted[1]).toEqual({ type: 'answer-key', ...KEY });
    latest().answerAll('status');
    await expect(queued).resolves.toEqual({ ok: true, value: 'status' });

    // A change while running goes out at once.
    const cleared = { apiKey: null, source: null, keychain: KEY.keychain };
    supervisor.setAnswerKey(cleared);
    expect(latest().posted.at(-1)).toEqual({ type: 'answer-key', ...cleared });

    supervisor.setAnswerKey(KEY);
    latest().exit('killed by SIGKILL');
    const afterCrash = supervisor.request('answer.status', {});
    await vi.advanceTimersByTimeAsync(100);
    expect(engines).toHaveLength(2);
    latest().reply({ type: 'ready' });
    // The latest key, once, ahead of what waited for the restart.
    expect(latest().posted.map((m) => m.type)).toEqual(['init', 'answer-key', 'request']);
    expect(latest().posted[1]).toEqual({ type: 'answer-key', ...KEY });
    latest().answerAll('again');
    await expect(afterCrash).resolves.toEqual({ ok: true, value: 'again' });
    // Nothing about the key reached the log.
    expect(JSON.stringify(log.mock.calls)).not.toContain(KEY.apiKey);
  });

  it('lets answer.ask stream past the request timeout, and gives answer.check the endpoint’s timeout', async () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, answer: { ...DEFAULT_SETTINGS.answer, timeoutSeconds: 300 } };
    const { supervisor, latest } = harness({ requestTimeoutMs: 1_000, getSettings: () => settings });
    supervisor.start();
    await flush();
    const ask = supervisor.request('answer.ask', { askId: 'a', question: 'q' });
    const check = supervisor.request('answer.check', {});
    const search = supervisor.request('search.query', { query: 'q' });
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(search).resolves.toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });

    await vi.advanceTimersByTimeAsync(308_000);
    expect(latest().posted.filter((m) => m.type === 'cancel')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(check).resolves.toMatchObject({
      ok: false,
      error: { code: 'TIMEOUT', message: 'answer.check: no answer from the engine within 310 s' },
    });
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    const [askRequest] = latest().requests();
    expect(latest().posted).not.toContainEqual({ type: 'cancel', id: askRequest?.id });
    latest().reply({ type: 'response', id: askRequest?.id, result: { ok: true, value: 'a long answer' } });
    await expect(ask).resolves.toEqual({ ok: true, value: 'a long answer' });
  });

  it('still fails a running answer.ask when the engine crashes', async () => {
    const { supervisor, latest } = harness({ restartDelayMs: 100 });
    supervisor.start();
    await flush();
    const ask = supervisor.request('answer.ask', { askId: 'a', question: 'q' });
    latest().exit('killed by SIGKILL');
    await expect(ask).resolves.toMatchObject({ ok: false, error: { code: 'ENGINE_CRASHED' } });
  });

  it('takes per-command limits from its options', async () => {
    const { supervisor } = harness({
      requestTimeoutMs: 60_000,
      commandTimeoutMs: (name) => (name === 'index.status' ? 500 : undefined),
    });
    supervisor.start();
    await flush();
    const status = supervisor.request('index.status', {});
    await vi.advanceTimersByTimeAsync(500);
    await expect(status).resolves.toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
  });
});
