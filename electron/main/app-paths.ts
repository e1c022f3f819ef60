import { join } from 'node:path';

import { transformersCacheDir } from '../engine/paths';

/** Where the app runs from, as Electron reports it (`app.isPackaged`, `app.getAppPath()`, …). */
export interface AppLocation {
  /** `app.isPackaged`: false under `electron .` in the repository. */
  readonly isPackaged: boolean;
  /** `app.getAppPath()`: the repository root in development, `<resources>/app.asar` when packaged. */
  readonly appPath: string;
  /** `process.resourcesPath`: Electron's resources folder, which holds app.asar and app.asar.unpacked. */
  readonly resourcesPath: string;
  /** `app.getPath('userData')`, after `POLYSEEK_DATA_DIR` has been applied: the profile. */
  readonly userData: string;
}

/** Every path the desktop app uses at run time. */
export interface AppPaths {
  /** Sandboxed preload bundle (build/bundle-electron.mjs). */
  readonly preload: string;
  /** The engine's utilityProcess entry; the extraction workers' bundle sits beside it. */
  readonly worker: string;
  /** The vite build served on app://polyseek/. */
  readonly renderer: string;
  /**
   * node_modules holding the native addons as real files: `dlopen` cannot read inside an asar, so the
   * packaged app keeps them in app.asar.unpacked/ (Electron redirects `require` there by itself).
   */
  readonly nativeModules: string;
  /** Settings, indexes, downloaded models, caches. */
  readonly userData: string;
  /** transformers.js's cache: it must be writable, and its default is inside its package (the asar). */
  readonly transformersCache: string;
}

/**
 * Resolves the app's paths for the repository layout (`electron .`) and the packaged one (electron-builder,
 * build/electron-builder.config.ts). The bundles and the renderer keep the same place under the app path
 * in both, so only the native modules differ.
 */
export function resolveAppPaths(location: AppLocation): AppPaths {
  const { appPath, userData } = location;
  const electronDir = join(appPath, 'dist', 'electron');
  return {
    preload: join(electronDir, 'preload.cjs'),
    worker: join(electronDir, 'worker.cjs'),
    renderer: join(appPath, 'dist', 'renderer'),
    nativeModules: location.isPackaged
      ? join(location.resourcesPath, 'app.asar.unpacked', 'node_modules')
      : join(appPath, 'node_modules'),
    userData,
    transformersCache: transformersCacheDir(userData),
  };
}
