// Packs the app with electron-builder `--dir` around a stand-in Electron (the binary cannot be downloaded
// here) and inspects what a user would install: app.asar, app.asar.unpacked, and whether the packed
// node_modules still load everything the bundles need. Measured here: 10–40 s in all (the pack 7–30 s).
import { execFile } from 'node:child_process';
import { chmod, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';

import { extractAll, getRawHeader } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { unusedPackagePaths, readPackageLock } from '../../../build/pruned-dependencies';
import { resolveAppPaths } from '../../../electron/main/app-paths';
import { EngineSupervisor } from '../../../electron/main/engine-supervisor';
import { DEFAULT_SETTINGS } from '../../../shared';
import { forkSpawner } from '../electron/fork-engine';

const ROOT = resolve(import.meta.dirname, '../../..');
const WORK = join(ROOT, 'test-output', `pack-dir-${process.pid}`);
const DIST = join(WORK, 'dist');
const OUT = join(WORK, 'release');
const APP = join(OUT, 'linux-unpacked');
const RESOURCES = join(APP, 'resources');
const ASAR = join(RESOURCES, 'app.asar');
const UNPACKED = join(RESOURCES, 'app.asar.unpacked');
const EXTRACTED = join(WORK, 'extracted');
const LINUX_X64 = process.platform === 'linux' && process.arch === 'x64';
const MiB = 1024 * 1024;

interface PackedFile {
  /** Relative to the app root inside the asar, with `/`. */
  readonly path: string;
  readonly size: number;
  readonly unpacked: boolean;
}

interface HeaderNode {
  readonly files?: Record<string, HeaderNode>;
  readonly size?: number;
  readonly unpacked?: boolean;
}

function packedFiles(node: HeaderNode, prefix = ''): PackedFile[] {
  return Object.entries(node.files ?? {}).flatMap(([name, child]) => {
    const path = prefix ? `${prefix}/${name}` : name;
    if (child.files) return packedFiles(child, path);
    return [{ path, size: child.size ?? 0, unpacked: child.unpacked === true }];
  });
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).replaceAll('\\', '/'));
}

async function totalSize(dir: string): Promise<number> {
  const sizes = await Promise.all((await filesUnder(dir)).map(async (file) => (await stat(join(dir, file))).size));
  return sizes.reduce((sum, size) => sum + size, 0);
}

function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ stdout: string }> {
  return promisify(execFile)(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    maxBuffer: 64 * MiB,
  });
}

/** An Electron-shaped folder: electron-builder copies it and renames the `electron` executable. */
async function standInElectron(dir: string): Promise<void> {
  await mkdir(join(dir, 'locales'), { recursive: true });
  await mkdir(join(dir, 'resources'), { recursive: true });
  await writeFile(join(dir, 'electron'), '#!/bin/sh\necho "stand-in for Electron 45.5.0" >&2\nexit 1\n');
  await chmod(join(dir, 'electron'), 0o755);
  await writeFile(join(dir, 'LICENSE'), 'stand-in\n');
  await writeFile(join(dir, 'LICENSES.chromium.html'), '<p>stand-in</p>\n');
  await writeFile(join(dir, 'version'), '45.5.0');
  await writeFile(join(dir, 'locales', 'en-US.pak'), '');
}

/** Bare package specifiers the bundles load at run time (not Electron, not Node builtins). */
async function bundleImports(): Promise<string[]> {
  const specifiers = new Set<string>();
  for (const file of ['main.cjs', 'worker.cjs', 'extract-worker.mjs', 'umap-worker.mjs']) {
    const code = await readFile(join(DIST, 'electron', file), 'utf8');
    for (const [, specifier] of code.matchAll(/(?:\brequire\(|\bfrom |\bimport\()"([^"./][^"]*)"/g)) {
      const name = specifier as string;
      if (name === 'electron' || name.startsWith('node:') || builtinModules.includes(name)) continue;
      specifiers.add(name);
    }
  }
  return [...specifiers].sort();
}

let files: PackedFile[];
let unpackedOnDisk: string[];
let packSeconds: number;

describe.runIf(LINUX_X64)('npm run pack:dir (electron-builder --dir, linux-x64, stand-in Electron)', () => {
  beforeAll(async () => {
    await rm(WORK, { recursive: true, force: true });
    await mkdir(WORK, { recursive: true });
    const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    const renderer = ['build', '--config', 'renderer/vite.config.ts', '--outDir', join(DIST, 'renderer')];
    await run([vite, ...renderer, '--emptyOutDir', '--logLevel', 'error']);
    await run(['build/bundle-electron.mjs', '--outdir', join(DIST, 'electron')]);

    const electronDist = join(WORK, 'electron-dist');
    await standInElectron(electronDist);
    // The real configuration, pointed at this build and output; the stand-in comes in as `pack:dir` takes it.
    const config = join(WORK, 'electron-builder.config.ts');
    const module = JSON.stringify(join(ROOT, 'build', 'electron-builder.config.ts'));
    const options = JSON.stringify({ distDir: DIST, outputDir: OUT });
    await writeFile(config, `import { packagerConfig } from ${module};\nexport default packagerConfig(${options});\n`);
    const started = Date.now();
    const builder = join(ROOT, 'node_modules', 'electron-builder', 'cli.js');
    await run([builder, '--dir', '--config', config, '--publish', 'never'], { POLYSEEK_ELECTRON_DIST: electronDist });
    packSeconds = (Date.now() - started) / 1000;

    files = packedFiles(getRawHeader(ASAR).header);
    unpackedOnDisk = await filesUnder(UNPACKED);
  }, 600_000);

  afterAll(async () => {
    await rm(WORK, { recursive: true, force: true });
  });

  it('writes the app folder: the renamed executable and resources/app.asar(.unpacked)', async () => {
    expect((await stat(join(APP, 'polyseek'))).mode & 0o111).not.toBe(0);
    expect((await stat(ASAR)).isFile()).toBe(true);
    expect((await stat(UNPACKED)).isDirectory()).toBe(true);
  });

  it('holds the built main, preload, worker and renderer in app.asar', () => {
    const packed = new Set(files.filter((f) => !f.unpacked).map((f) => f.path));
    for (const path of [
      'package.json',
      'dist/electron/main.cjs',
      'dist/electron/preload.cjs',
      'dist/electron/worker.cjs',
      'dist/electron/extract-worker.mjs',
      'dist/electron/umap-worker.mjs',
      'dist/renderer/index.html',
    ]) {
      expect(packed.has(path), path).toBe(true);
    }
    expect(files.some((f) => /^dist\/renderer\/assets\/.+\.js$/.test(f.path))).toBe(true);
  });

  it('holds no tests, fixtures, sources, source maps or model weights', () => {
    const all = [...files.map((f) => f.path), ...unpackedOnDisk.map((p) => `(unpacked) ${p}`)];
    const app = files.filter((f) => !f.path.startsWith('node_modules/')).map((f) => f.path);
    expect(app.filter((p) => !p.startsWith('dist/') && p !== 'package.json')).toEqual([]);
    expect(app.filter((p) => /\.(m|c)?tsx?$/.test(p))).toEqual([]);
    expect(all.filter((p) => /(^|\/)(tests?|fixtures|__tests__)\//.test(p) && !p.includes('node_modules/'))).toEqual(
      [],
    );
    expect(all.filter((p) => /\.(onnx|onnx_data|safetensors)$/.test(p))).toEqual([]);
    expect(all.filter((p) => p.endsWith('.map'))).toEqual([]);
  });

  it("unpacks onnxruntime-node's binding and shared library, LanceDB's, sharp's and canvas's natives for linux-x64 only", () => {
    const natives = unpackedOnDisk.filter((p) => /\.(node|so(\.\d+)*|dll|dylib)$/.test(p)).sort();
    // Versions in file names (sharp's, libvips's) vary with upgrades; the set of files must not.
    const unversioned = (path: string): string =>
      path.replace(/-\d+(\.\d+)+\.node$/, '.node').replace(/\.so(\.\d+)+$/, '.so');
    expect(natives.map(unversioned)).toEqual([
      'node_modules/@img/sharp-libvips-linux-x64/lib/libvips-cpp.so',
      'node_modules/@img/sharp-linux-x64/lib/sharp-linux-x64.node',
      'node_modules/@lancedb/lancedb-linux-x64-gnu/lancedb.linux-x64-gnu.node',
      'node_modules/@napi-rs/canvas-linux-x64-gnu/skia.linux-x64-gnu.node',
      'node_modules/onnxruntime-node/bin/napi-v6/linux/x64/libonnxruntime.so',
      'node_modules/onnxruntime-node/bin/napi-v6/linux/x64/onnxruntime_binding.node',
    ]);
    // No native file stays inside the archive, and the header and the folder agree.
    expect(files.filter((f) => !f.unpacked && /\.(node|so(\.\d+)*|dll|dylib)$/.test(f.path))).toEqual([]);
    expect(
      files
        .filter((f) => f.unpacked)
        .map((f) => f.path)
        .sort(),
    ).toEqual([...unpackedOnDisk].sort());
  });

  it('leaves out the unused dependencies: LanceDB’s transformers.js and ORT, onnxruntime-web, openai, renderer-only ones', () => {
    const unused = unusedPackagePaths(readPackageLock(ROOT));
    expect(unused.length).toBeGreaterThan(20);
    const present = [...files.map((f) => f.path), ...unpackedOnDisk].filter((p) =>
      unused.some((dir) => p.startsWith(`${dir}/`)),
    );
    expect(present).toEqual([]);
    expect(files.some((f) => f.path.startsWith('node_modules/@lancedb/lancedb/node_modules/'))).toBe(false);
    const packages = new Set(files.map((f) => f.path.split('/').slice(0, 3).join('/')));
    expect([...packages].filter((p) => /^node_modules\/@lancedb\/lancedb-/.test(p))).toEqual([
      'node_modules/@lancedb/lancedb-linux-x64-gnu',
    ]);
  });

  it('has the packaged layout that resolveAppPaths gives main', async () => {
    const paths = resolveAppPaths({ isPackaged: true, appPath: ASAR, resourcesPath: RESOURCES, userData: WORK });
    const packed = new Set(files.map((f) => join(ASAR, f.path)));
    expect(packed.has(paths.preload) && packed.has(paths.worker)).toBe(true);
    expect(packed.has(join(paths.renderer, 'index.html'))).toBe(true);
    const ort = join(paths.nativeModules, 'onnxruntime-node', 'bin', 'napi-v6', 'linux', 'x64');
    expect(await readdir(ort)).toEqual(['libonnxruntime.so.1', 'onnxruntime_binding.node']);
  });

  it('gives the CommonJS bundles a real import.meta.url (packages resolved from the bundle’s own place)', async () => {
    for (const file of ['main.cjs', 'worker.cjs']) {
      const code = await readFile(join(DIST, 'electron', file), 'utf8');
      expect(code, file).not.toMatch(/\bimport_meta\d* = \{\}/);
    }
  });

  describe('the packed files, extracted and run under plain Node', () => {
    beforeAll(() => extractAll(ASAR, EXTRACTED), 120_000);

    it('load every package the bundles import, native ones included', async () => {
      const specifiers = await bundleImports();
      expect(specifiers).toEqual(expect.arrayContaining(['@huggingface/transformers', '@lancedb/lancedb', 'zod']));
      const script = `
        const { createRequire } = require('node:module');
        const { pathToFileURL } = require('node:url');
        const from = createRequire(process.argv[1]);
        (async () => {
          const failed = [];
          for (const specifier of process.argv.slice(2)) {
            try {
              const path = from.resolve(specifier);
              if (path.endsWith('.mjs')) await import(pathToFileURL(path).href); else from(specifier);
            } catch (error) { failed.push(specifier + ': ' + String(error.message).split('\\n')[0]); }
          }
          console.log(JSON.stringify(failed));
        })();`;
      const worker = join(EXTRACTED, 'dist', 'electron', 'worker.cjs');
      const { stdout } = await run(['-e', script, worker, ...specifiers, 'sharp', 'apache-arrow']);
      expect(JSON.parse(stdout.trim().split('\n').at(-1) as string)).toEqual([]);
    }, 120_000);

    it('start the engine, which loads onnxruntime-node for gpu.status', async () => {
      const dataDir = join(WORK, 'profile');
      await mkdir(dataDir, { recursive: true });
      const { spawn } = forkSpawner(join(EXTRACTED, 'dist', 'electron', 'worker.cjs'));
      const supervisor = new EngineSupervisor({ spawn, dataDir, getSettings: () => DEFAULT_SETTINGS });
      supervisor.start();
      try {
        const status = await supervisor.request('gpu.status', {});
        expect(status).toMatchObject({ ok: true, value: { ortError: null } });
        const backends = status.ok ? (status.value as { ortBackends: { name: string }[] }).ortBackends : [];
        expect(backends.map((b) => b.name)).toContain('cpu');
      } finally {
        await supervisor.dispose();
      }
    }, 60_000);
  });

  it('reports its size', async () => {
    const asarBytes = (await stat(ASAR)).size;
    const unpackedBytes = await totalSize(UNPACKED);
    const appBytes = await totalSize(APP);
    const mb = (bytes: number): string => `${(bytes / MiB).toFixed(1)} MiB`;
    console.log(
      `pack:dir linux-x64 (stand-in Electron: Electron's own files come on top): app folder ${mb(appBytes)}, ` +
        `app.asar ${mb(asarBytes)}, app.asar.unpacked ${mb(unpackedBytes)} ` +
        `(${unpackedOnDisk.length} files); electron-builder took ${packSeconds.toFixed(0)} s`,
    );
    expect(asarBytes + unpackedBytes).toBeLessThan(600 * MiB);
  });
});
