import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { Dispatch } from '../../../../electron/engine/dispatch';
import { createDispatcher } from '../../../../electron/engine/dispatch';
import type { Handlers } from '../../../../electron/engine/handlers';
import { COMMAND_CHANNEL, EVENT_CHANNEL, broadcastEvent, handleCommand, setupIpc } from '../../../../electron/main/ipc';
import { createMainWindow } from '../../../../electron/main/window';
import type { PolyseekEvent } from '../../../../shared';
import { BrowserWindow, MockWebContents, ipcMain, resetElectronMock } from '../../../mocks/electron';

vi.mock('electron', () => import('../../../mocks/electron'));

const APP_URL = 'app://polyseek/index.html';

beforeEach(() => {
  for (const window of BrowserWindow.instances) if (!window.isDestroyed()) window.close();
  resetElectronMock();
});

function appWindow(): BrowserWindow {
  createMainWindow({ preloadPath: '/p.cjs' });
  return BrowserWindow.instances.at(-1) as BrowserWindow;
}

/** An invoke event as Electron builds it: the sending webContents and the frame inside it. */
function invokeEvent(sender: unknown, frame: { url: string; parent: unknown } | null): never {
  return { sender, senderFrame: frame } as never;
}

const okDispatch = (): ReturnType<typeof vi.fn<Dispatch>> =>
  vi.fn<Dispatch>((name) => Promise.resolve({ ok: true, value: `ran ${String(name)}` }));

describe('setupIpc', () => {
  it('registers the one command channel and nothing else, and removes it again', () => {
    const remove = setupIpc(okDispatch());
    expect([...ipcMain.handlers.keys()]).toEqual([COMMAND_CHANNEL]);
    expect(ipcMain.on).not.toHaveBeenCalled();
    remove();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('passes name and input of a trusted sender to the dispatcher', async () => {
    const dispatch = okDispatch();
    setupIpc(dispatch);
    const window = appWindow();
    const handler = ipcMain.handlers.get(COMMAND_CHANNEL);
    const event = invokeEvent(window.webContents, { url: APP_URL, parent: null });
    await expect(handler?.(event, 'app.info', {})).resolves.toEqual({ ok: true, value: 'ran app.info' });
    expect(dispatch).toHaveBeenCalledWith('app.info', {});
  });
});

describe('handleCommand', () => {
  it.each([
    ['a destroyed frame', (w: BrowserWindow) => invokeEvent(w.webContents, null)],
    ['an iframe', (w: BrowserWindow) => invokeEvent(w.webContents, { url: APP_URL, parent: {} })],
    [
      'a foreign origin',
      (w: BrowserWindow) => invokeEvent(w.webContents, { url: 'https://evil.example/', parent: null }),
    ],
    [
      'another app host',
      (w: BrowserWindow) => invokeEvent(w.webContents, { url: 'app://other/index.html', parent: null }),
    ],
    ['a file page', (w: BrowserWindow) => invokeEvent(w.webContents, { url: 'file:///tmp/x.html', parent: null })],
    ['a window the app did not create', () => invokeEvent(new MockWebContents(), { url: APP_URL, parent: null })],
  ])('refuses %s with FORBIDDEN and never dispatches', async (_label, makeEvent) => {
    const dispatch = okDispatch();
    const log = vi.fn();
    const result = await handleCommand(dispatch, makeEvent(appWindow()), 'settings.get', {}, log);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('settings.get'));
  });

  it('refuses a window after it closed', async () => {
    const window = appWindow();
    window.close();
    const result = await handleCommand(
      okDispatch(),
      invokeEvent(window.webContents, { url: APP_URL, parent: null }),
      'app.info',
      {},
      vi.fn(),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('turns a throwing dispatcher into an INTERNAL result', async () => {
    const window = appWindow();
    const dispatch = vi.fn<Dispatch>(() => Promise.reject(new Error('boom')));
    const result = await handleCommand(
      dispatch,
      invokeEvent(window.webContents, { url: APP_URL, parent: null }),
      'app.info',
      {},
    );
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'ipc: boom' } });
  });

  it('lets the real dispatcher refuse unknown commands and bad input', async () => {
    const window = appWindow();
    const dispatch = createDispatcher({} as Handlers);
    const event = invokeEvent(window.webContents, { url: APP_URL, parent: null });
    await expect(handleCommand(dispatch, event, 'fs.readFile', { path: '/etc/passwd' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_COMMAND' },
    });
    await expect(handleCommand(dispatch, event, 'settings.get', { extra: 1 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});

describe('broadcastEvent', () => {
  const event: PolyseekEvent = { name: 'engine.state', payload: { state: 'ready', restarts: 0, message: null } };

  it('sends to every open app window and skips closed ones', () => {
    const first = appWindow();
    const second = appWindow();
    const closed = appWindow();
    closed.close();
    broadcastEvent(event);
    expect(first.webContents.send).toHaveBeenCalledWith(EVENT_CHANNEL, event);
    expect(second.webContents.send).toHaveBeenCalledWith(EVENT_CHANNEL, event);
    expect(closed.webContents.send).not.toHaveBeenCalled();
  });

  it('keeps going when one window fails to receive', () => {
    const broken = appWindow();
    const healthy = appWindow();
    broken.webContents.send.mockImplementationOnce(() => {
      throw new Error('Object has been destroyed');
    });
    expect(() => broadcastEvent(event)).not.toThrow();
    expect(healthy.webContents.send).toHaveBeenCalledWith(EVENT_CHANNEL, event);
  });
});
