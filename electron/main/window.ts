import { BrowserWindow, type WebContents } from 'electron';

import { APP_ENTRY_URL } from './protocol';

/** Windows this app created; IPC answers only their top frames and events go only to them. */
const windows = new Set<BrowserWindow>();

export interface MainWindowOptions {
  /** Absolute path of the bundled preload (dist/electron/preload.cjs). */
  readonly preloadPath: string;
  /** Where load failures are reported; defaults to stderr. */
  readonly log?: (message: string) => void;
}

/**
 * The only place a BrowserWindow is made. The renderer is sandboxed and context-isolated with no Node
 * anywhere (workers and subframes included); it reaches the app only through the preload's two verbs.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const log = options.log ?? ((message: string) => console.error(`polyseek: ${message}`));
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 640,
    minHeight: 480,
    title: 'Polyseek',
    // Shown on ready-to-show so the person never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: options.preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      navigateOnDragDrop: false,
    },
  });
  windows.add(window);
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => windows.delete(window));
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => log(`loading ${APP_ENTRY_URL}: ${String(error)}`));
  return window;
}

export function appWindows(): BrowserWindow[] {
  return [...windows].filter((window) => !window.isDestroyed());
}

export function isAppWebContents(contents: WebContents): boolean {
  return appWindows().some((window) => window.webContents === contents);
}
