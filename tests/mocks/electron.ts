/**
 * The one Electron mock (the binary cannot run in CI). Use it with
 * `vi.mock('electron', () => import('<relative path>/mocks/electron'))`, then import this module to drive
 * it: emit app/webContents events, call registered IPC handlers, answer the fake utility process.
 * Only what electron/main and electron/preload touch is modelled; `resetElectronMock()` between tests.
 */
import { EventEmitter } from 'node:events';

import { vi } from 'vitest';

export class MockWebContents extends EventEmitter {
  private static nextId = 1;
  readonly id = MockWebContents.nextId++;
  readonly send = vi.fn<(channel: string, ...args: unknown[]) => void>();
  readonly setWindowOpenHandler = vi.fn<(handler: (details: { url: string }) => { action: string }) => void>();

  /** The handler registered with setWindowOpenHandler, as Electron would call it. */
  openWindow(url: string): { action: string } | undefined {
    return this.setWindowOpenHandler.mock.lastCall?.[0]({ url });
  }
}

/** An Electron-style event: `preventDefault()` is recorded, `url` is what `will-navigate` carries. */
export function mockEvent(url = ''): { url: string; preventDefault: () => void; defaultPrevented: boolean } {
  const event = {
    url,
    defaultPrevented: false,
    preventDefault: () => {
      event.defaultPrevented = true;
    },
  };
  return event;
}

export class BrowserWindow extends EventEmitter {
  static readonly instances: BrowserWindow[] = [];
  /** Makes the next `loadURL` reject, as a missing renderer build would. */
  static failNextLoad: Error | null = null;
  readonly webContents = new MockWebContents();
  readonly loadURL = vi.fn<(url: string) => Promise<void>>(() => {
    const failure = BrowserWindow.failNextLoad;
    BrowserWindow.failNextLoad = null;
    return failure ? Promise.reject(failure) : Promise.resolve();
  });
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly isMinimized = vi.fn(() => false);
  private destroyed = false;

  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.instances.push(this);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Simulates the person closing the window. */
  close(): void {
    this.destroyed = true;
    this.emit('closed');
  }
}

class MockApp extends EventEmitter {
  readonly paths = new Map<string, string>();
  appPath = '/mock/app';
  readonly getPath = vi.fn((name: string) => this.paths.get(name) ?? `/mock/${name}`);
  readonly setPath = vi.fn((name: string, value: string) => void this.paths.set(name, value));
  readonly getAppPath = vi.fn(() => this.appPath);
  readonly requestSingleInstanceLock = vi.fn(() => true);
  readonly whenReady = vi.fn(() => Promise.resolve());
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly getGPUFeatureStatus = vi.fn(() => ({
    gpu_compositing: 'enabled',
    webgl: 'enabled',
    webgpu: 'disabled_off',
  }));
}

export const app = new MockApp();

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, InvokeHandler>(),
  handle: vi.fn((channel: string, handler: InvokeHandler) => {
    // Electron throws on a second handler for one channel; so does the mock.
    if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcMain.handlers.set(channel, handler);
  }),
  removeHandler: vi.fn((channel: string) => void ipcMain.handlers.delete(channel)),
  on: vi.fn(),
};

class MockIpcRenderer extends EventEmitter {
  readonly invoke = vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>();
}

export const ipcRenderer = new MockIpcRenderer();

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, api: unknown) => void contextBridge.exposed.set(key, api)),
};

type ProtocolHandler = (request: Request) => Promise<Response> | Response;

export const protocol = {
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn((scheme: string, handler: ProtocolHandler) => void protocol.handlers.set(scheme, handler)),
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
  },
};

export const shell = {
  openExternal: vi.fn<(url: string) => Promise<void>>(() => Promise.resolve()),
  /** Resolves '' (opened) unless a test makes it resolve an error message. */
  openPath: vi.fn<(path: string) => Promise<string>>(() => Promise.resolve('')),
  showItemInFolder: vi.fn<(path: string) => void>(),
};

export const dialog = { showErrorBox: vi.fn() };

/** A utilityProcess child: record what main posts, `reply()` as the worker, `exit()` as a crash. */
export class MockUtilityProcess extends EventEmitter {
  static readonly instances: MockUtilityProcess[] = [];
  readonly postMessage = vi.fn<(message: unknown) => void>();
  readonly kill = vi.fn(() => {
    queueMicrotask(() => this.exit(-1));
    return true;
  });
  private exited = false;

  constructor(
    readonly modulePath: string,
    readonly options: Record<string, unknown> | undefined,
  ) {
    super();
    MockUtilityProcess.instances.push(this);
  }

  /** Messages main has posted, by type. */
  posted(type?: string): Record<string, unknown>[] {
    const all = this.postMessage.mock.calls.map(([message]) => message as Record<string, unknown>);
    return type === undefined ? all : all.filter((message) => message['type'] === type);
  }

  reply(message: unknown): void {
    this.emit('message', message);
  }

  exit(code: number): void {
    if (this.exited) return;
    this.exited = true;
    this.emit('exit', code);
  }
}

export const utilityProcess = {
  fork: vi.fn(
    (modulePath: string, _args?: string[], options?: Record<string, unknown>) =>
      new MockUtilityProcess(modulePath, options),
  ),
};

/** The engine process main started last. */
export function latestWorker(): MockUtilityProcess {
  return MockUtilityProcess.instances.at(-1) as MockUtilityProcess;
}

/** A command as the preload sends it, from the first window's own top frame. */
export function invokeFromWindow(name: string, input: unknown): Promise<unknown> {
  const window = BrowserWindow.instances[0] as BrowserWindow;
  const handler = ipcMain.handlers.get('polyseek:command');
  const event = { sender: window.webContents, senderFrame: { url: 'app://polyseek/index.html', parent: null } };
  return Promise.resolve(handler?.(event, name, input));
}

/**
 * `safeStorage` with a real (toy) cipher, so a test that looks for the plain key in a file means something:
 * a version prefix, then the text XOR-ed with a repeating pad. `available` and `backend` play the OS;
 * `failDecrypt` a keychain whose key changed.
 */
const PAD = Buffer.from('mock-keychain-pad:7f3a91c2');
const PREFIX = Buffer.from('v11');
const xorPad = (bytes: Buffer): Buffer => Buffer.from(bytes.map((b, i) => b ^ (PAD[i % PAD.length] as number)));

export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret',
  failDecrypt: false,
  isAsyncEncryptionAvailable: vi.fn(() => Promise.resolve(safeStorage.available)),
  encryptStringAsync: vi.fn((plainText: string) => {
    if (!safeStorage.available) return Promise.reject(new Error('Encryption is not available.'));
    return Promise.resolve(Buffer.concat([PREFIX, xorPad(Buffer.from(plainText, 'utf8'))]));
  }),
  decryptStringAsync: vi.fn((encrypted: Buffer) => {
    if (safeStorage.failDecrypt || !encrypted.subarray(0, PREFIX.length).equals(PREFIX))
      return Promise.reject(new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.'));
    const result = xorPad(encrypted.subarray(PREFIX.length)).toString('utf8');
    return Promise.resolve({ shouldReEncrypt: false, result });
  }),
  getSelectedStorageBackend: vi.fn(() => safeStorage.backend),
};

export function resetElectronMock(): void {
  vi.clearAllMocks();
  BrowserWindow.instances.length = 0;
  BrowserWindow.failNextLoad = null;
  MockUtilityProcess.instances.length = 0;
  app.removeAllListeners();
  app.paths.clear();
  app.appPath = '/mock/app';
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  contextBridge.exposed.clear();
  protocol.handlers.clear();
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
  safeStorage.failDecrypt = false;
}
