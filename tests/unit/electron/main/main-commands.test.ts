import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { settingsPath } from '../../../../electron/engine/paths';
import { SettingsFile } from '../../../../electron/engine/settings';
import { AnswerKeyFile, answerKeyPath } from '../../../../electron/main/answer-key';
import { createMainCommands, type EngineClient } from '../../../../electron/main/main-commands';
import { LICENSE_ID, MODEL_ID, err, ok, type GpuStatus, type PolyseekEvent, type Result } from '../../../../shared';
import { resetElectronMock, safeStorage } from '../../../mocks/electron';

let dataDir: string;
let settings: SettingsFile;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'polyseek-main-commands-'));
  settings = await SettingsFile.open(settingsPath(dataDir));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const workerGpu: GpuStatus = {
  preference: 'auto',
  ortBackends: [{ name: 'cpu', bundled: true, installed: true }],
  ortError: null,
  active: null,
  attempts: [],
  fallbackReason: null,
  electronGpu: null,
};

function setup(answer: (name: string, input: unknown) => Result<unknown> = () => ok(workerGpu)) {
  const engine = {
    state: { state: 'restarting' as const, restarts: 2, message: 'engine exited (SIGKILL)' },
    request: vi.fn<EngineClient['request']>((name, input) => Promise.resolve(answer(name, input))),
    updateSettings: vi.fn<EngineClient['updateSettings']>(),
    setAnswerKey: vi.fn<EngineClient['setAnswerKey']>(),
  };
  const events: PolyseekEvent[] = [];
  const onUnexpected = vi.fn();
  const commands = createMainCommands({
    dataDir,
    settings,
    engine,
    emit: (event) => events.push(event),
    gpuFeatureStatus: () => ({ gpu_compositing: 'enabled', webgl: 'unavailable_off', bogus: 3 }),
    onUnexpected,
  });
  return { commands, engine, events, onUnexpected };
}

describe('createMainCommands', () => {
  it('answers app.info itself, as the electron host', async () => {
    const { commands, engine } = setup();
    const result = await commands.dispatch('app.info', {});
    expect(result).toMatchObject({ ok: true, value: { name: 'Polyseek', host: 'electron', dataDir } });
    expect(engine.request).not.toHaveBeenCalled();
  });

  it('answers engine.status from the supervisor, without asking the engine process', async () => {
    const { commands, engine } = setup();
    expect(await commands.dispatch('engine.status', {})).toEqual({
      ok: true,
      value: { state: 'restarting', restarts: 2, message: 'engine exited (SIGKILL)' },
    });
    expect(engine.request).not.toHaveBeenCalled();
  });

  it('serves settings from the file and pushes every change to the engine', async () => {
    const { commands, engine, events } = setup();
    await expect(commands.dispatch('settings.get', {})).resolves.toMatchObject({
      ok: true,
      value: { path: settingsPath(dataDir), settings: { compute: { provider: 'auto' } } },
    });
    const set = await commands.dispatch('settings.set', { compute: { provider: 'cpu' } });
    expect(set).toMatchObject({ ok: true, value: { settings: { compute: { provider: 'cpu' } } } });
    expect(JSON.parse(await readFile(settingsPath(dataDir), 'utf8'))).toMatchObject({ compute: { provider: 'cpu' } });
    expect(engine.updateSettings).toHaveBeenCalledWith(
      expect.objectContaining({ compute: { provider: 'cpu', threads: 0 } }),
    );
    expect(events.map((event) => event.name)).toEqual(['settings.changed']);
    expect(engine.request).not.toHaveBeenCalled();
  });

  it('records the licence in main and tells the engine', async () => {
    const { commands, engine, events } = setup();
    const accepted = await commands.dispatch('license.accept', {
      licenseId: LICENSE_ID,
      modelId: MODEL_ID,
      nonCommercialOnly: true,
    });
    expect(accepted).toMatchObject({ ok: true, value: { accepted: true } });
    expect(engine.updateSettings).toHaveBeenLastCalledWith(
      expect.objectContaining({ license: expect.objectContaining({ licenseId: LICENSE_ID }) as unknown }),
    );
    expect(events.map((event) => event.name)).toEqual(['settings.changed', 'license.changed']);
  });

  it('records the model folder the engine located, pushing the new settings to it first', async () => {
    const { commands, engine, events } = setup();
    await commands.setModelDir('/media/stick/jina');
    expect(settings.settings.model.dir).toBe('/media/stick/jina');
    expect(engine.updateSettings).toHaveBeenLastCalledWith(
      expect.objectContaining({ model: { dir: '/media/stick/jina', endpoint: null } }),
    );
    expect(events.map((event) => event.name)).toEqual(['settings.changed']);
    await commands.setModelDir(null);
    expect(JSON.parse(await readFile(settingsPath(dataDir), 'utf8'))).toMatchObject({ model: { dir: null } });
  });

  it('keeps the roots in main’s settings file, validates them there, and forwards index commands', async () => {
    const { commands, engine, events } = setup(() => err('INDEX_FAILED', 'not in this test'));
    const added = await commands.dispatch('roots.add', { path: dataDir });
    expect(added).toMatchObject({ ok: true, value: { roots: [{ path: dataDir, followSymlinks: true }] } });
    expect(engine.updateSettings).toHaveBeenLastCalledWith(
      expect.objectContaining({ roots: [expect.objectContaining({ path: dataDir })] }),
    );
    expect(await commands.dispatch('roots.add', { path: join(dataDir, 'inside') })).toMatchObject({
      ok: false,
      error: { code: 'ROOT_NOT_FOUND' },
    });
    expect(await commands.dispatch('roots.add', { path: dataDir })).toMatchObject({
      ok: false,
      error: { code: 'ROOT_CONFLICT' },
    });
    expect(await commands.dispatch('roots.remove', { path: dataDir })).toMatchObject({
      ok: true,
      value: { roots: [] },
    });
    expect(events.map((event) => event.name)).toEqual(['settings.changed', 'settings.changed']);
    expect(engine.request).not.toHaveBeenCalled();
    await commands.dispatch('index.start', { watch: true });
    expect(engine.request).toHaveBeenCalledWith('index.start', { watch: true });
  });

  it('forwards model commands to the engine process', async () => {
    const { commands, engine } = setup((name) => err('JOB_RUNNING', `${name}: busy`));
    expect(await commands.dispatch('model.download', { variant: 'fp16' })).toEqual({
      ok: false,
      error: { code: 'JOB_RUNNING', message: 'model.download: busy' },
    });
    expect(engine.request).toHaveBeenCalledWith('model.download', { variant: 'fp16' });
  });

  it('forwards gpu.status to the engine and adds Chromium’s GPU status (strings only)', async () => {
    const { commands, engine } = setup();
    const result = await commands.dispatch('gpu.status', {});
    expect(engine.request).toHaveBeenCalledWith('gpu.status', {});
    expect(result).toEqual({
      ok: true,
      value: { ...workerGpu, electronGpu: { gpu_compositing: 'enabled', webgl: 'unavailable_off' } },
    });
  });

  it('keeps the engine’s error code', async () => {
    const { commands } = setup(() => err('ENGINE_CRASHED', 'gpu.status: the engine stopped (exit code 1)'));
    await expect(commands.dispatch('gpu.status', {})).resolves.toEqual({
      ok: false,
      error: { code: 'ENGINE_CRASHED', message: 'gpu.status: the engine stopped (exit code 1)' },
    });
  });

  it('refuses an engine answer that breaks the contract', async () => {
    const { commands, onUnexpected } = setup(() => ok({ preference: 'quantum' }));
    await expect(commands.dispatch('gpu.status', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_OUTPUT' },
    });
    expect(onUnexpected).toHaveBeenCalled();
  });

  it('validates input before anything reaches the engine', async () => {
    const { commands, engine } = setup();
    await expect(commands.dispatch('gpu.status', { provider: 'cuda' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(engine.request).not.toHaveBeenCalled();
  });

  it('stops pushing settings once disposed', async () => {
    const { commands, engine } = setup();
    commands.dispose();
    await settings.update((s) => ({ ...s, compute: { ...s.compute, threads: 4 } }));
    expect(engine.updateSettings).not.toHaveBeenCalled();
  });
});

describe('the API key in main', () => {
  const KEY = 'sk-main-commands-Zx81Qp07Lm';
  const workerStatus = (present: boolean, source: 'environment' | 'keychain' | 'session' | null) => ({
    configured: true,
    baseUrl: 'http://127.0.0.1:11434/v1',
    model: 'llama3.1:8b',
    endpointLocation: 'loopback' as const,
    key: { present, source },
    // The worker's view, replaced by main's.
    keychain: { available: false, message: 'stale' },
  });

  async function setupWithKeys(
    workerKey: { present: boolean; source: 'environment' | null } = { present: false, source: null },
  ) {
    const keys = await AnswerKeyFile.open({ dataDir, safeStorage, platform: 'linux' });
    const setAnswerKey = vi.fn<EngineClient['setAnswerKey']>();
    const engine = {
      state: { state: 'ready' as const, restarts: 0, message: null },
      request: vi.fn<EngineClient['request']>((name) =>
        Promise.resolve(
          name === 'answer.status' ? ok(workerStatus(workerKey.present, workerKey.source)) : err('INTERNAL', name),
        ),
      ),
      updateSettings: vi.fn<EngineClient['updateSettings']>(),
      setAnswerKey,
    };
    const events: PolyseekEvent[] = [];
    const commands = createMainCommands({
      dataDir,
      settings,
      engine,
      emit: (event) => events.push(event),
      gpuFeatureStatus: () => ({}),
      answerKeys: keys,
    });
    return { commands, engine, events, setAnswerKey };
  }

  afterEach(() => resetElectronMock());

  it('stores the key in the keychain file, pushes it to the engine, and answers the status without it', async () => {
    const { commands, engine, events, setAnswerKey } = await setupWithKeys();
    // The engine learns the stored key (none yet) as soon as main starts.
    expect(setAnswerKey).toHaveBeenCalledWith({
      apiKey: null,
      source: null,
      keychain: { available: true, message: null },
    });

    const set = await commands.dispatch('answer.setKey', { apiKey: KEY });
    expect(set).toEqual({
      ok: true,
      value: { ...workerStatus(true, 'keychain'), keychain: { available: true, message: null } },
    });
    expect(setAnswerKey).toHaveBeenLastCalledWith({
      apiKey: KEY,
      source: 'keychain',
      keychain: { available: true, message: null },
    });
    // Pushed first, then the status asked: the engine answers with the key in place.
    expect(setAnswerKey.mock.invocationCallOrder.at(-1)).toBeLessThan(
      engine.request.mock.invocationCallOrder.at(-1) as number,
    );
    expect(engine.request).not.toHaveBeenCalledWith('answer.setKey', expect.anything());
    const file = await readFile(answerKeyPath(dataDir));
    expect(file.includes(Buffer.from(KEY))).toBe(false);

    const status = await commands.dispatch('answer.status', {});
    expect(status).toMatchObject({ ok: true, value: { key: { present: true, source: 'keychain' } } });
    expect(JSON.stringify([set, status, events])).not.toContain(KEY);

    const cleared = await commands.dispatch('answer.setKey', { apiKey: null });
    expect(cleared).toMatchObject({ ok: true, value: { key: { present: false, source: null } } });
    expect(setAnswerKey).toHaveBeenLastCalledWith({
      apiKey: null,
      source: null,
      keychain: { available: true, message: null },
    });
    await expect(readFile(answerKeyPath(dataDir))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('keeps a session key when there is no keychain, and shows the engine’s environment key otherwise', async () => {
    safeStorage.backend = 'basic_text';
    const { commands } = await setupWithKeys({ present: true, source: 'environment' });
    const status = await commands.dispatch('answer.status', {});
    expect(status).toMatchObject({
      ok: true,
      value: { key: { present: true, source: 'environment' }, keychain: { available: false } },
    });
    const set = await commands.dispatch('answer.setKey', { apiKey: KEY });
    expect(set).toMatchObject({ ok: true, value: { key: { present: true, source: 'session' } } });
    await expect(readFile(answerKeyPath(dataDir))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('holds answer commands until the keychain has been read, so the key reaches the engine first', async () => {
    let unlock: (keys: AnswerKeyFile) => void = () => undefined;
    const keychain = new Promise<AnswerKeyFile>((resolve) => (unlock = resolve));
    const order: string[] = [];
    const engine = {
      state: { state: 'ready' as const, restarts: 0, message: null },
      request: vi.fn<EngineClient['request']>((name) => {
        order.push(name);
        return Promise.resolve(err('CANCELLED', `${name}: not run in this test`));
      }),
      updateSettings: vi.fn<EngineClient['updateSettings']>(),
      setAnswerKey: vi.fn<EngineClient['setAnswerKey']>((key) => void order.push(`key:${key.apiKey ?? 'none'}`)),
    };
    const commands = createMainCommands({
      dataDir,
      settings,
      engine,
      emit: () => undefined,
      gpuFeatureStatus: () => ({}),
      answerKeys: keychain,
    });
    const asked = commands.dispatch('answer.ask', { askId: 'early', question: 'q' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual([]);
    const keys = await AnswerKeyFile.open({ dataDir, safeStorage, platform: 'linux' });
    await keys.set(KEY);
    unlock(keys);
    await asked;
    expect(order).toEqual([`key:${KEY}`, 'answer.ask']);
  });

  it('refuses a malformed key before storing anything, without repeating it', async () => {
    const { commands, setAnswerKey } = await setupWithKeys();
    const refused = await commands.dispatch('answer.setKey', { apiKey: `${KEY} ${KEY}` });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(refused)).not.toContain(KEY);
    expect(setAnswerKey).toHaveBeenCalledTimes(1);
  });
});
