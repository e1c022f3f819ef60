import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import type * as Boot from '../../../../electron/main/main';
import { DEFAULT_SETTINGS } from '../../../../shared';
import {
  BrowserWindow,
  MockUtilityProcess,
  app,
  ipcMain,
  mockEvent,
  protocol,
  session,
  utilityProcess,
  invokeFromWindow,
  latestWorker,
} from '../../../mocks/electron';

const invoke = invokeFromWindow;
const worker = latestWorker;

vi.mock('electron', () => import('../../../mocks/electron'));

const APP_PATH = '/opt/polyseek';
let userData: string;
let boot: typeof Boot;

beforeAll(async () => {
  vi.stubEnv('POLYSEEK_DATA_DIR', '');
  userData = await mkdtemp(join(tmpdir(), 'polyseek-boot-'));
  app.paths.set('userData', userData);
  app.appPath = APP_PATH;
  // Importing the entry runs main(), as Electron would.
  boot = await import('../../../../electron/main/main');
  await vi.waitFor(() => expect(BrowserWindow.instances).toHaveLength(1));
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(userData, { recursive: true, force: true });
});

describe('boot order', () => {
  it('takes the single-instance lock and registers the scheme before ready', () => {
    const [lock] = app.requestSingleInstanceLock.mock.invocationCallOrder;
    const [scheme] = protocol.registerSchemesAsPrivileged.mock.invocationCallOrder;
    const [ready] = app.whenReady.mock.invocationCallOrder;
    expect(lock).toBeLessThan(scheme as number);
    expect(scheme).toBeLessThan(ready as number);
    expect(app.listenerCount('web-contents-created')).toBe(1);
  });

  it('on ready: denies permissions, serves the renderer, listens on one channel, starts the engine', () => {
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(protocol.handlers.has('app')).toBe(true);
    expect([...ipcMain.handlers.keys()]).toEqual(['polyseek:command']);
    expect(utilityProcess.fork).toHaveBeenCalledWith(join(APP_PATH, 'dist', 'electron', 'worker.cjs'), [], {
      serviceName: 'Polyseek engine',
      stdio: 'inherit',
    });
    expect(worker().posted('init')).toEqual([{ type: 'init', dataDir: userData, settings: DEFAULT_SETTINGS }]);
  });

  it('opens one hardened window with the bundled preload on the app URL', () => {
    const window = BrowserWindow.instances[0] as BrowserWindow;
    expect(window.options['webPreferences']).toMatchObject({
      preload: join(APP_PATH, 'dist', 'electron', 'preload.cjs'),
      sandbox: true,
      contextIsolation: true,
    });
    expect(window.loadURL).toHaveBeenCalledWith('app://polyseek/index.html');
  });
});

describe('running', () => {
  it('broadcasts engine state to the window when the worker is ready', () => {
    worker().reply({ type: 'ready' });
    const window = BrowserWindow.instances[0] as BrowserWindow;
    expect(window.webContents.send).toHaveBeenCalledWith('polyseek:event', {
      name: 'engine.state',
      payload: { state: 'ready', restarts: 0, message: null },
    });
  });

  it('answers app.info in main and forwards gpu.status to the worker', async () => {
    await expect(invoke('app.info', {})).resolves.toMatchObject({
      ok: true,
      value: { host: 'electron', dataDir: userData },
    });
    const gpu = invoke('gpu.status', {});
    await vi.waitFor(() => expect(worker().posted('request')).toHaveLength(1));
    const [request] = worker().posted('request');
    const value = {
      preference: 'auto',
      ortBackends: [],
      ortError: null,
      active: null,
      attempts: [],
      fallbackReason: null,
      electronGpu: null,
    };
    worker().reply({ type: 'response', id: request?.['id'], result: { ok: true, value } });
    await expect(gpu).resolves.toEqual({
      ok: true,
      value: { ...value, electronGpu: { gpu_compositing: 'enabled', webgl: 'enabled', webgpu: 'disabled_off' } },
    });
  });

  it('saves settings in main, pushes them to the worker and tells the window', async () => {
    const result = await invoke('settings.set', { compute: { threads: 3 } });
    expect(result).toMatchObject({ ok: true, value: { settings: { compute: { threads: 3 } } } });
    expect(worker().posted('settings').at(-1)).toMatchObject({ settings: { compute: { threads: 3 } } });
    const window = BrowserWindow.instances[0] as BrowserWindow;
    expect(window.webContents.send).toHaveBeenCalledWith(
      'polyseek:event',
      expect.objectContaining({ name: 'settings.changed' }),
    );
  });

  it('focuses the existing window when a second instance starts', () => {
    app.emit('second-instance');
    expect((BrowserWindow.instances[0] as BrowserWindow).focus).toHaveBeenCalledOnce();
  });

  it('quits when a second instance cannot take the lock', () => {
    app.requestSingleInstanceLock.mockReturnValueOnce(false);
    expect(boot.setupSingleInstance()).toBe(false);
    expect(app.quit).toHaveBeenCalledOnce();
    app.quit.mockClear();
  });
});

describe('quitting', () => {
  it('holds the quit until the engine has shut down, then quits for real', async () => {
    const quit = mockEvent();
    app.emit('will-quit', quit);
    expect(quit.defaultPrevented).toBe(true);
    expect(worker().posted('shutdown')).toHaveLength(1);
    expect(app.quit).not.toHaveBeenCalled();

    worker().exit(0);
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce());
    expect(ipcMain.handlers.size).toBe(0);

    const second = mockEvent();
    app.emit('will-quit', second);
    expect(second.defaultPrevented).toBe(false);
    expect(MockUtilityProcess.instances).toHaveLength(1);
  });

  it('moves the profile when POLYSEEK_DATA_DIR is set', () => {
    boot.setupDataDir({ POLYSEEK_DATA_DIR: '/tmp/profile-b' });
    expect(app.setPath).toHaveBeenCalledWith('userData', '/tmp/profile-b');
  });
});
