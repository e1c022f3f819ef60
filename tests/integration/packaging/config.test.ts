import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { Minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';

import { OTHER_PLATFORM_BINARIES, packagerConfig } from '../../../build/electron-builder.config';
import {
  readPackageLock,
  reachablePackages,
  unusedPackagePaths,
  type PackageLock,
} from '../../../build/pruned-dependencies';
import packageJson from '../../../package.json' with { type: 'json' };

const ROOT = resolve(import.meta.dirname, '../../..');

/** Whether electron-builder's exclusions drop `path` for a platform/arch (it expands the macros, minimatch decides). */
function excluded(path: string, platform: string, arch: string): boolean {
  return OTHER_PLATFORM_BINARIES.some((pattern) =>
    new Minimatch(pattern.slice(1).replaceAll('${platform}', platform).replaceAll('${arch}', arch), {
      dot: true,
    }).match(path),
  );
}

const NATIVE_FILES = [
  'node_modules/onnxruntime-node/bin/napi-v6/linux/x64/libonnxruntime.so.1',
  'node_modules/onnxruntime-node/bin/napi-v6/linux/arm64/onnxruntime_binding.node',
  'node_modules/onnxruntime-node/bin/napi-v6/darwin/arm64/libonnxruntime.1.dylib',
  'node_modules/onnxruntime-node/bin/napi-v6/win32/x64/onnxruntime.dll',
  'node_modules/onnxruntime-node/bin/napi-v6/win32/arm64/DirectML.dll',
  'node_modules/@lancedb/lancedb-linux-x64-gnu/lancedb.linux-x64-gnu.node',
  'node_modules/@lancedb/lancedb-linux-arm64-gnu/lancedb.linux-arm64-gnu.node',
  'node_modules/@lancedb/lancedb-darwin-arm64/lancedb.darwin-arm64.node',
  'node_modules/@lancedb/lancedb-win32-x64-msvc/lancedb.win32-x64-msvc.node',
  'node_modules/@img/sharp-linux-x64/lib/sharp-linux-x64.node',
  'node_modules/@img/sharp-libvips-linux-x64/lib/libvips-cpp.so.42',
  'node_modules/@img/sharp-darwin-arm64/lib/sharp-darwin-arm64.node',
  'node_modules/@img/sharp-libvips-darwin-arm64/lib/libvips-cpp.dylib',
  'node_modules/@img/sharp-win32-x64/lib/libvips-42.dll',
  'node_modules/@napi-rs/canvas-linux-x64-gnu/skia.linux-x64-gnu.node',
  'node_modules/@napi-rs/canvas-darwin-arm64/skia.darwin-arm64.node',
  'node_modules/@napi-rs/canvas-win32-x64-msvc/skia.win32-x64-msvc.node',
];

describe('only the packaging platform’s native binaries', () => {
  it.each([
    [
      'linux',
      'x64',
      ['linux/x64/libonnxruntime', 'lancedb-linux-x64', 'sharp-linux-x64', 'libvips-linux-x64', 'canvas-linux-x64'],
    ],
    ['linux', 'arm64', ['linux/arm64/onnxruntime_binding', 'lancedb-linux-arm64']],
    ['darwin', 'arm64', ['darwin/arm64', 'lancedb-darwin', 'sharp-darwin', 'libvips-darwin', 'canvas-darwin']],
    ['win32', 'x64', ['win32/x64', 'lancedb-win32-x64', 'sharp-win32-x64', 'canvas-win32-x64']],
  ])('%s-%s keeps its own and drops the rest', (platform, arch, own) => {
    const kept = NATIVE_FILES.filter((path) => !excluded(path, platform, arch));
    expect(kept).toEqual(NATIVE_FILES.filter((path) => own.some((marker) => path.includes(marker))));
  });

  it('leaves the JavaScript of the same packages alone', () => {
    for (const path of [
      'node_modules/onnxruntime-node/dist/index.js',
      'node_modules/@lancedb/lancedb/dist/index.js',
      'node_modules/@img/colour/color.cjs',
      'node_modules/sharp/lib/index.js',
    ]) {
      expect(excluded(path, 'linux', 'x64'), path).toBe(false);
    }
  });
});

describe('dependencies left out of the package', () => {
  const lock = readPackageLock(ROOT);
  const unused = unusedPackagePaths(lock);

  it("drops LanceDB's and transformers.js's unused optional heavy dependencies and what only they need", () => {
    expect(unused).toEqual(
      expect.arrayContaining([
        'node_modules/@lancedb/lancedb/node_modules/@huggingface/transformers',
        'node_modules/@lancedb/lancedb/node_modules/onnxruntime-node',
        'node_modules/@lancedb/lancedb/node_modules/onnxruntime-web',
        'node_modules/@lancedb/lancedb/node_modules/sharp',
        'node_modules/openai',
        'node_modules/node-fetch',
        'node_modules/onnxruntime-web',
        'node_modules/react-dom',
      ]),
    );
  });

  it('keeps every package the bundles load and what they need', () => {
    const runtime = Object.keys(packageJson.dependencies).filter(
      (name) => !['react', 'react-dom', 'chart.js', 'commander'].includes(name),
    );
    const kept = reachablePackages(lock);
    for (const name of [...runtime, 'sharp', '@img/sharp-linux-x64', '@lancedb/lancedb-linux-x64-gnu', 'flatbuffers']) {
      expect(unused, name).not.toContain(`node_modules/${name}`);
      expect(kept.has(`node_modules/${name}`) || !existsSync(join(ROOT, 'node_modules', name)), name).toBe(true);
    }
  });

  it('keeps a package that a kept package also needs', () => {
    const synthetic: PackageLock = {
      packages: {
        '': { dependencies: { app: '1' } },
        'node_modules/app': { dependencies: { heavy: '1', shared: '1' } },
        'node_modules/heavy': { dependencies: { shared: '1', only: '1' } },
        'node_modules/shared': {},
        'node_modules/only': {},
      },
    };
    expect(unusedPackagePaths(synthetic, [{ from: 'app', to: 'heavy', why: 'test' }])).toEqual([
      'node_modules/heavy',
      'node_modules/only',
    ]);
  });
});

describe('build/electron-builder.config.ts', () => {
  const config = packagerConfig({ electronDist: '/opt/electron-v45.5.0-linux-x64' });

  it('names the app and builds AppImage + deb, NSIS, and an arm64-only dmg', () => {
    expect(config).toMatchObject({ appId: 'app.polyseek.desktop', productName: 'Polyseek', asar: true, publish: null });
    expect(config.linux?.target).toEqual([
      { target: 'AppImage', arch: [process.arch === 'arm64' ? 'arm64' : 'x64'] },
      { target: 'deb', arch: [process.arch === 'arm64' ? 'arm64' : 'x64'] },
    ]);
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: [process.arch === 'arm64' ? 'arm64' : 'x64'] }]);
    expect(config.mac?.target).toEqual([{ target: 'dmg', arch: ['arm64'] }]);
  });

  it('registers no file associations and no protocols', () => {
    for (const options of [config, config.linux, config.mac, config.win]) {
      expect(options).not.toHaveProperty('fileAssociations');
      expect(options).not.toHaveProperty('protocols');
      expect(options).not.toHaveProperty('mimeTypes');
    }
  });

  it('points at icons that exist for every platform', () => {
    for (const icon of [config.linux?.icon, config.mac?.icon, config.win?.icon]) {
      expect(existsSync(join(ROOT, icon as string)), String(icon)).toBe(true);
    }
  });

  it('uses a local Electron when given one, from the option or POLYSEEK_ELECTRON_DIST', () => {
    expect(config.electronDist).toBe('/opt/electron-v45.5.0-linux-x64');
    const previous = process.env['POLYSEEK_ELECTRON_DIST'];
    try {
      process.env['POLYSEEK_ELECTRON_DIST'] = '/srv/electron';
      expect(packagerConfig().electronDist).toBe('/srv/electron');
      delete process.env['POLYSEEK_ELECTRON_DIST'];
      expect(packagerConfig()).not.toHaveProperty('electronDist');
    } finally {
      if (previous !== undefined) process.env['POLYSEEK_ELECTRON_DIST'] = previous;
    }
  });

  it('refuses to package for another platform or an Intel Mac', () => {
    const beforePack = config.beforePack as (context: { electronPlatformName: string; arch: number }) => void;
    // builder-util's Arch: 1 = x64, 3 = arm64.
    const host = { electronPlatformName: process.platform, arch: process.arch === 'arm64' ? 3 : 1 };
    expect(() => beforePack(host)).not.toThrow();
    expect(() =>
      beforePack({ ...host, electronPlatformName: process.platform === 'win32' ? 'linux' : 'win32' }),
    ).toThrow(/on that platform/);
    expect(() => beforePack({ electronPlatformName: 'darwin', arch: 1 })).toThrow(/no Intel-macOS binary/);
  });
});
