import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { answerKeyPath } from '../../../../electron/main/answer-key';
import {
  BrowserWindow,
  MockUtilityProcess,
  app,
  safeStorage,
  invokeFromWindow,
  latestWorker,
} from '../../../mocks/electron';

const invoke = invokeFromWindow;
const worker = latestWorker;

vi.mock('electron', () => import('../../../mocks/electron'));

/**
 * The desktop app's key path end to end with Electron mocked: the renderer sets the key over IPC, main
 * encrypts it into userData, hands it to the engine process (the only place it goes) and re-sends it
 * when that process restarts; nothing main sends a window carries it.
 */
const KEY = 'sk-electron-boot-Kq9Vw3Tz5Hn1';
let userData: string;

/** Answers the worker's pending `answer.status` requests as an engine holding `present` would. */
function answerStatusRequests(present: boolean): void {
  for (const request of worker().posted('request')) {
    if (request['name'] !== 'answer.status' || answered.has(request['id'] as number)) continue;
    answered.add(request['id'] as number);
    const value = {
      configured: false,
      baseUrl: null,
      model: null,
      endpointLocation: null,
      key: { present, source: present ? 'keychain' : null },
      keychain: { available: true, message: null },
    };
    worker().reply({ type: 'response', id: request['id'], result: { ok: true, value } });
  }
}
const answered = new Set<number>();

beforeAll(async () => {
  vi.stubEnv('POLYSEEK_DATA_DIR', '');
  userData = await mkdtemp(join(tmpdir(), 'polyseek-boot-key-'));
  app.paths.set('userData', userData);
  await import('../../../../electron/main/main');
  await vi.waitFor(() => expect(BrowserWindow.instances).toHaveLength(1));
  worker().reply({ type: 'ready' });
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(userData, { recursive: true, force: true });
});

describe('the API key in the desktop app', () => {
  it('tells a fresh engine that no key is stored', () => {
    expect(worker().posted('answer-key')).toEqual([
      { type: 'answer-key', apiKey: null, source: null, keychain: { available: true, message: null } },
    ]);
  });

  it('encrypts the key into userData and gives it to the engine only', async () => {
    const result = invoke('answer.setKey', { apiKey: KEY });
    await vi.waitFor(() => expect(worker().posted('request')).toHaveLength(1));
    expect(worker().posted('answer-key').at(-1)).toEqual({
      type: 'answer-key',
      apiKey: KEY,
      source: 'keychain',
      keychain: { available: true, message: null },
    });
    answerStatusRequests(true);
    await expect(result).resolves.toMatchObject({ ok: true, value: { key: { present: true, source: 'keychain' } } });
    expect(JSON.stringify(await result)).not.toContain(KEY);

    const file = await readFile(answerKeyPath(userData));
    expect(file.includes(Buffer.from(KEY))).toBe(false);
    expect(safeStorage.encryptStringAsync).toHaveBeenCalledWith(KEY);
  });

  it('sends the key again to an engine restarted after a crash', async () => {
    const before = MockUtilityProcess.instances.length;
    worker().exit(9);
    await vi.waitFor(() => expect(MockUtilityProcess.instances).toHaveLength(before + 1), { timeout: 5_000 });
    expect(worker().posted('answer-key')).toEqual([]);
    worker().reply({ type: 'ready' });
    expect(worker().posted('answer-key')).toEqual([
      { type: 'answer-key', apiKey: KEY, source: 'keychain', keychain: { available: true, message: null } },
    ]);
  });

  it('forgets the key and its file', async () => {
    const result = invoke('answer.setKey', { apiKey: null });
    await vi.waitFor(() => expect(worker().posted('request').length).toBeGreaterThan(0));
    answerStatusRequests(false);
    await expect(result).resolves.toMatchObject({ ok: true, value: { key: { present: false } } });
    expect(worker().posted('answer-key').at(-1)).toMatchObject({ apiKey: null, source: null });
    expect(await readdir(join(userData, 'secrets'))).toEqual([]);
  });

  it('never sent the key to a window', () => {
    const window = BrowserWindow.instances[0] as BrowserWindow;
    const sent = window.webContents.send.mock.calls;
    expect(sent.length).toBeGreaterThan(0);
    expect(JSON.stringify(sent)).not.toContain(KEY);
  });
});
