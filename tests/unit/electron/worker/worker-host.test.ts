import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { Engine, type EngineOptions } from '../../../../electron/engine/engine';
import type { WorkerMessage } from '../../../../electron/engine/worker-protocol';
import type { ParentChannel } from '../../../../electron/worker/parent-channel';
import { startWorkerHost } from '../../../../electron/worker/worker-host';
import { DEFAULT_SETTINGS, PolyseekError, type ModelJob } from '../../../../shared';

/** The parent's end, in memory: `send` delivers to the worker, `posted` is what the worker answered. */
class FakeParent implements ParentChannel {
  readonly posted: WorkerMessage[] = [];
  private listener: (message: unknown) => void = () => undefined;
  private disconnectListener: () => void = () => undefined;

  post(message: WorkerMessage): void {
    this.posted.push(message);
  }
  onMessage(listener: (message: unknown) => void): void {
    this.listener = listener;
  }
  onDisconnect(listener: () => void): void {
    this.disconnectListener = listener;
  }
  send(message: unknown): void {
    this.listener(message);
  }
  disconnect(): void {
    this.disconnectListener();
  }
  responses(): Extract<WorkerMessage, { type: 'response' }>[] {
    return this.posted.filter((m): m is Extract<WorkerMessage, { type: 'response' }> => m.type === 'response');
  }
}

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'polyseek-worker-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function start(createEngine?: (options: EngineOptions) => Engine) {
  const parent = new FakeParent();
  const exit = vi.fn();
  const log = vi.fn();
  const engines: Engine[] = [];
  startWorkerHost(parent, {
    exit,
    log,
    createEngine: (options) => {
      const engine = createEngine ? createEngine(options) : new Engine(options);
      engines.push(engine);
      return engine;
    },
  });
  return { parent, exit, log, engines };
}

const init = (dir: string) => ({ type: 'init', dataDir: dir, settings: DEFAULT_SETTINGS });

describe('startWorkerHost', () => {
  it('answers ENGINE_UNAVAILABLE before init, then ready after it', async () => {
    const { parent, engines } = start();
    parent.send({ type: 'request', id: 1, name: 'gpu.status', input: {} });
    await vi.waitFor(() => expect(parent.responses()).toHaveLength(1));
    expect(parent.responses()[0]?.result).toMatchObject({ ok: false, error: { code: 'ENGINE_UNAVAILABLE' } });
    parent.send(init(dataDir));
    expect(parent.posted.at(-1)).toEqual({ type: 'ready' });
    expect(engines[0]?.dataDir).toBe(dataDir);
  });

  it('serves gpu.status with the settings the parent pushed last', async () => {
    const { parent } = start();
    parent.send(init(dataDir));
    parent.send({ type: 'request', id: 1, name: 'gpu.status', input: {} });
    await vi.waitFor(() => expect(parent.responses()).toHaveLength(1));
    expect(parent.responses()[0]).toMatchObject({ id: 1, result: { ok: true, value: { preference: 'auto' } } });

    parent.send({ type: 'settings', settings: { ...DEFAULT_SETTINGS, compute: { provider: 'cpu', threads: 0 } } });
    parent.send({ type: 'request', id: 2, name: 'gpu.status', input: {} });
    await vi.waitFor(() => expect(parent.responses()).toHaveLength(2));
    expect(parent.responses()[1]).toMatchObject({ id: 2, result: { ok: true, value: { preference: 'cpu' } } });
  });

  it('refuses commands the parent owns, and validates input like every host', async () => {
    const { parent } = start();
    parent.send(init(dataDir));
    parent.send({ type: 'request', id: 1, name: 'settings.get', input: {} });
    parent.send({ type: 'request', id: 2, name: 'gpu.status', input: { force: true } });
    parent.send({ type: 'request', id: 3, name: 'shell.exec', input: {} });
    await vi.waitFor(() => expect(parent.responses()).toHaveLength(3));
    const byId = new Map(parent.responses().map((r) => [r.id, r.result]));
    expect(byId.get(1)).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_COMMAND', message: 'settings.get is not served by the engine' },
    });
    expect(byId.get(2)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(byId.get(3)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
  });

  it('asks the parent to record settings model.dir, and forwards engine events', async () => {
    let options: EngineOptions | undefined;
    const { parent } = start((engineOptions) => {
      options = engineOptions;
      return new Engine(engineOptions);
    });
    parent.send(init(dataDir));
    const recorded = options?.setModelDir?.('/media/stick/jina');
    expect(parent.posted.at(-1)).toEqual({ type: 'set-model-dir', id: 1, dir: '/media/stick/jina' });
    parent.send({ type: 'set-model-dir-done', id: 1, error: null });
    await expect(recorded).resolves.toBeUndefined();

    const refused = options?.setModelDir?.(null);
    parent.send({ type: 'set-model-dir-done', id: 2, error: { code: 'SETTINGS_TOO_NEW', message: 'read-only' } });
    await expect(refused).rejects.toMatchObject({ code: 'SETTINGS_TOO_NEW' });

    const payload: ModelJob = {
      id: 'j',
      kind: 'verify',
      state: 'running',
      variant: null,
      startedAt: '2026-01-01T00:00:00.000Z',
      finishedAt: null,
      file: null,
      bytes: 0,
      total: null,
      bytesPerSecond: null,
      etaSeconds: null,
      message: null,
      error: null,
    };
    options?.emit?.({ name: 'model.progress', payload });
    expect(parent.posted.at(-1)).toEqual({ type: 'event', event: { name: 'model.progress', payload } });
  });

  it('hands the key main sends to the engine’s store, before or after init, and falls back to the environment', async () => {
    const parent = new FakeParent();
    const engines: Engine[] = [];
    const log = vi.fn();
    startWorkerHost(parent, {
      exit: vi.fn(),
      log,
      env: { POLYSEEK_ANSWER_API_KEY: 'sk-from-env-0000' },
      createEngine: (options) => {
        const engine = new Engine(options);
        engines.push(engine);
        return engine;
      },
    });
    const keychain = { available: true, message: null };
    const secret = 'sk-worker-test-AbCdEf012345';
    parent.send({ type: 'answer-key', apiKey: secret, source: 'keychain', keychain });
    parent.send(init(dataDir));
    const keys = engines[0]?.answerKeys;
    expect(keys?.get()).toBe(secret);
    expect(keys?.status()).toEqual({ present: true, source: 'keychain', keychain });

    parent.send({ type: 'request', id: 1, name: 'answer.status', input: {} });
    await vi.waitFor(() => expect(parent.responses()).toHaveLength(1));
    expect(parent.responses()[0]?.result).toMatchObject({
      ok: true,
      value: { key: { present: true, source: 'keychain' }, keychain },
    });

    const none = { available: false, message: 'No OS keychain is available' };
    parent.send({ type: 'answer-key', apiKey: null, source: null, keychain: none });
    expect(keys?.get()).toBe('sk-from-env-0000');
    expect(keys?.status()).toEqual({ present: true, source: 'environment', keychain: none });

    // A malformed key message is dropped without repeating the key.
    parent.send({ type: 'answer-key', apiKey: `${secret} with spaces`, source: 'session', keychain });
    expect(keys?.get()).toBe('sk-from-env-0000');
    expect(log).toHaveBeenCalledOnce();
    expect(JSON.stringify([...log.mock.calls, ...parent.posted])).not.toContain(secret);
    await engines[0]?.dispose();
  });

  it('drops invalid messages and a second init, answering nothing', () => {
    const { parent, log, engines } = start();
    parent.send({ type: 'request', id: -1, name: 'gpu.status', input: {} });
    parent.send(null);
    parent.send(init(dataDir));
    parent.send(init('/elsewhere'));
    expect(parent.posted).toEqual([{ type: 'ready' }]);
    expect(engines).toHaveLength(1);
    expect(log).toHaveBeenCalledTimes(3);
  });

  it('aborts a command the parent cancels', async () => {
    class SlowEngine extends Engine {
      override handlers(): ReturnType<Engine['handlers']> {
        return {
          ...super.handlers(),
          'gpu.status': (_input, { signal }) =>
            new Promise((_resolve, reject) =>
              signal?.addEventListener('abort', () => reject(new PolyseekError('CANCELLED', 'gpu.status: cancelled'))),
            ),
        };
      }
    }
    const { parent } = start((options) => new SlowEngine(options));
    parent.send(init(dataDir));
    parent.send({ type: 'request', id: 9, name: 'gpu.status', input: {} });
    parent.send({ type: 'cancel', id: 9 });
    await vi.waitFor(() => expect(parent.responses()).toHaveLength(1));
    expect(parent.responses()[0]).toEqual({
      type: 'response',
      id: 9,
      result: { ok: false, error: { code: 'CANCELLED', message: 'gpu.status: cancelled' } },
    });
  });

  it('disposes the engine and exits 0 on shutdown', async () => {
    const { parent, exit, engines } = start();
    parent.send(init(dataDir));
    const dispose = vi.spyOn(engines[0] as Engine, 'dispose');
    parent.send({ type: 'shutdown' });
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(0));
    expect(dispose).toHaveBeenCalledOnce();
    await expect((engines[0] as Engine).gpuStatus()).rejects.toThrow(/after dispose/);
  });

  it('exits when the parent goes away', async () => {
    const { parent, exit } = start();
    parent.send(init(dataDir));
    parent.disconnect();
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(0));
  });

  it('still exits when disposing the engine fails', async () => {
    class BrokenEngine extends Engine {
      override dispose(): Promise<void> {
        return Promise.reject(new Error('lock held'));
      }
    }
    const { parent, exit, log } = start((options) => new BrokenEngine(options));
    parent.send(init(dataDir));
    parent.send({ type: 'shutdown' });
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(0));
    expect(log).toHaveBeenCalledWith(expect.stringContaining('lock held'));
  });
});
