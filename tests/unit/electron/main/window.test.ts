import type { WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { APP_ENTRY_URL } from '../../../../electron/main/protocol';
import { appWindows, createMainWindow, isAppWebContents } from '../../../../electron/main/window';
import { BrowserWindow, MockWebContents, resetElectronMock } from '../../../mocks/electron';

vi.mock('electron', () => import('../../../mocks/electron'));

beforeEach(() => {
  for (const window of BrowserWindow.instances) if (!window.isDestroyed()) window.close();
  resetElectronMock();
});

function onlyWindow(): BrowserWindow {
  expect(BrowserWindow.instances).toHaveLength(1);
  return BrowserWindow.instances[0] as BrowserWindow;
}

describe('createMainWindow', () => {
  it('creates a sandboxed, isolated window with the preload and no Node anywhere', () => {
    createMainWindow({ preloadPath: '/app/dist/electron/preload.cjs' });
    const window = onlyWindow();
    expect(window.options['webPreferences']).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
    expect(window.loadURL).toHaveBeenCalledWith(APP_ENTRY_URL);
  });

  it('shows the window only once it has painted', () => {
    createMainWindow({ preloadPath: '/p.cjs' });
    const window = onlyWindow();
    expect(window.options['show']).toBe(false);
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('reports a page that fails to load instead of leaving an unhandled rejection', async () => {
    const log = vi.fn();
    BrowserWindow.failNextLoad = new Error('ERR_FILE_NOT_FOUND');
    createMainWindow({ preloadPath: '/p.cjs', log });
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith(expect.stringContaining('ERR_FILE_NOT_FOUND')));
  });

  it('knows its own windows until they close', () => {
    const window = createMainWindow({ preloadPath: '/p.cjs' });
    const mock = onlyWindow();
    expect(appWindows()).toEqual([window]);
    expect(isAppWebContents(mock.webContents as unknown as WebContents)).toBe(true);
    expect(isAppWebContents(new MockWebContents() as unknown as WebContents)).toBe(false);
    mock.close();
    expect(appWindows()).toEqual([]);
    expect(isAppWebContents(mock.webContents as unknown as WebContents)).toBe(false);
  });
});
