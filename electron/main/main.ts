import { app, dialog, safeStorage, session, shell } from 'electron';

import { errorMessage } from '../../shared';
import { EventHub } from '../engine/event-hub';
import { settingsPath } from '../engine/paths';
import { SettingsFile } from '../engine/settings';
import { AnswerKeyFile } from './answer-key';
import { resolveAppPaths } from './app-paths';
import { EngineSupervisor } from './engine-supervisor';
import { broadcastEvent, setupIpc } from './ipc';
import { createMainCommands } from './main-commands';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { denyAllPermissions, hardenAllWebContents } from './security';
import { utilityWorkerSpawner } from './utility-worker';
import { appWindows, createMainWindow } from './window';

/** POLYSEEK_DATA_DIR moves the profile, as it does for the CLI and server; before the lock, which lives there. */
export function setupDataDir(env: NodeJS.ProcessEnv = process.env): void {
  const override = env['POLYSEEK_DATA_DIR'];
  if (override) app.setPath('userData', override);
}

/** Two instances would write one settings file and one index; the second focuses the first and leaves. */
export function setupSingleInstance(): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const [window] = appWindows();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  return true;
}

export function setupWindowLifecycle(openWindow: () => void): void {
  // macOS apps stay alive without windows and reopen one from the dock.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (appWindows().length === 0) openWindow();
  });
}

/** Holds the quit until the engine process has shut down, so no index write is cut off mid-way. */
export function setupQuit(engine: EngineSupervisor, cleanup: () => void): void {
  let stopped = false;
  app.on('will-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    void engine.dispose().finally(() => {
      stopped = true;
      cleanup();
      app.quit();
    });
  });
}

export async function onReady(): Promise<void> {
  const paths = resolveAppPaths({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    userData: app.getPath('userData'),
  });
  const dataDir = paths.userData;
  const settings = await SettingsFile.open(settingsPath(dataDir));
  // After ready (before it Linux has not chosen its password store), and not awaited: reading the
  // keychain may wait for the person to unlock it; answer commands wait for it instead of the window.
  const answerKeys = AnswerKeyFile.open({ dataDir, safeStorage });
  const hub = new EventHub();

  denyAllPermissions(session.defaultSession);
  handleAppProtocol(paths.renderer);

  const engine = new EngineSupervisor({
    spawn: utilityWorkerSpawner(paths.worker),
    dataDir,
    getSettings: () => settings.settings,
    onState: (payload) => hub.emit({ name: 'engine.state', payload }),
    onEvent: hub.emit,
    onSetModelDir: (dir) => commands.setModelDir(dir),
  });
  const commands = createMainCommands({
    dataDir,
    settings,
    engine,
    emit: hub.emit,
    gpuFeatureStatus: () => app.getGPUFeatureStatus(),
    shell,
    answerKeys,
  });
  const unsubscribe = hub.subscribe(broadcastEvent);
  const removeIpc = setupIpc(commands.dispatch);
  engine.start();

  const openWindow = (): void => void createMainWindow({ preloadPath: paths.preload });
  setupWindowLifecycle(openWindow);
  setupQuit(engine, () => {
    removeIpc();
    commands.dispose();
    unsubscribe();
  });
  openWindow();
}

export function main(): void {
  setupDataDir();
  if (!setupSingleInstance()) return;
  registerAppScheme();
  hardenAllWebContents();
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      dialog.showErrorBox('Polyseek could not start', errorMessage(error));
      app.exit(1);
    });
}

main();
