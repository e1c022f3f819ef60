import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { transformersCacheDir } from '../../../../electron/engine/paths';
import { resolveAppPaths } from '../../../../electron/main/app-paths';

const REPO = join('/home', 'ada', 'polyseek');
const USER_DATA = join('/home', 'ada', '.config', 'Polyseek');

describe('resolveAppPaths', () => {
  it('finds everything under the repository when run with `electron .`', () => {
    const paths = resolveAppPaths({
      isPackaged: false,
      appPath: REPO,
      // Under `electron .` this is the Electron binary's own resources folder, which Polyseek never uses.
      resourcesPath: join(REPO, 'node_modules', 'electron', 'dist', 'resources'),
      userData: USER_DATA,
    });
    expect(paths).toEqual({
      preload: join(REPO, 'dist', 'electron', 'preload.cjs'),
      worker: join(REPO, 'dist', 'electron', 'worker.cjs'),
      renderer: join(REPO, 'dist', 'renderer'),
      nativeModules: join(REPO, 'node_modules'),
      userData: USER_DATA,
      transformersCache: join(USER_DATA, 'cache', 'transformers'),
    });
  });

  it('reads bundles from app.asar and native modules from app.asar.unpacked when packaged', () => {
    const resources = join('/opt', 'Polyseek', 'resources');
    const asar = join(resources, 'app.asar');
    const paths = resolveAppPaths({ isPackaged: true, appPath: asar, resourcesPath: resources, userData: USER_DATA });
    expect(paths).toEqual({
      preload: join(asar, 'dist', 'electron', 'preload.cjs'),
      worker: join(asar, 'dist', 'electron', 'worker.cjs'),
      renderer: join(asar, 'dist', 'renderer'),
      nativeModules: join(resources, 'app.asar.unpacked', 'node_modules'),
      userData: USER_DATA,
      transformersCache: join(USER_DATA, 'cache', 'transformers'),
    });
  });

  it('keeps every writable path in the profile, never in the app', () => {
    for (const isPackaged of [false, true]) {
      const appPath = isPackaged ? join('/opt', 'Polyseek', 'resources', 'app.asar') : REPO;
      const paths = resolveAppPaths({ isPackaged, appPath, resourcesPath: join(appPath, '..'), userData: USER_DATA });
      expect(paths.transformersCache.startsWith(USER_DATA)).toBe(true);
      expect(paths.transformersCache.startsWith(appPath)).toBe(false);
    }
  });

  it('uses the same transformers.js cache folder as the engine', () => {
    const paths = resolveAppPaths({
      isPackaged: true,
      appPath: '/a/app.asar',
      resourcesPath: '/a',
      userData: USER_DATA,
    });
    expect(paths.transformersCache).toBe(transformersCacheDir(USER_DATA));
  });
});
