// electron-builder configuration (`npm run dist`, `npm run pack:dir`; see build/README.md). A TypeScript
// module rather than JSON because the list of dependencies to leave out is computed from the lock.
import { join, resolve } from 'node:path';

import { Arch, type Configuration } from 'electron-builder';

import { readPackageLock, unusedPackagePaths } from './pruned-dependencies';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * Native addons must be real files: `dlopen` cannot read inside an asar. Electron redirects `require`
 * of these paths to app.asar.unpacked/ by itself.
 */
export const ASAR_UNPACK = [
  'node_modules/onnxruntime-node/**', // binding + libonnxruntime (and CUDA/TensorRT providers once installed)
  'node_modules/@lancedb/lancedb-*/**', // LanceDB's platform package; its JavaScript stays in the asar
  'node_modules/sharp/**', // transformers.js loads sharp at start-up (its own docs unpack it with @img)
  'node_modules/@img/sharp-*/**',
  'node_modules/@napi-rs/canvas-*/**', // pdf.js's optional DOMMatrix/Path2D provider in Node
];

/** Files inside packages that nothing loads at run time. */
const UNUSED_FILES = [
  '!**/*.map',
  // pdf.js is loaded as legacy/build/pdf.mjs (+ cmaps, standard_fonts, wasm, iccs read by path).
  '!node_modules/pdfjs-dist/{build,web,types,image_decoders}{,/**/*}',
  '!node_modules/pdfjs-dist/legacy/{web,image_decoders}{,/**/*}',
  // transformers.js resolves to its Node builds; the rest are browser bundles and sources.
  '!node_modules/@huggingface/transformers/{src,types}{,/**/*}',
  '!node_modules/@huggingface/transformers/dist/!(transformers.node.cjs|transformers.node.mjs)',
];

/** Model weights live in the profile (or where the person points), never in the package. */
const NO_MODEL_WEIGHTS = '!**/*.{onnx,onnx_data,ort,safetensors}';

/**
 * Keeps only this platform's native binaries: onnxruntime-node ships every platform's in one package, and
 * the per-platform packages of LanceDB, sharp and @napi-rs/canvas are matched by name. electron-builder
 * expands `${platform}` to the host's `process.platform` (not the target's: packaging refuses
 * cross-builds for that reason, see `refuseCrossBuilds`) and `${arch}` to each architecture it packs.
 */
export const OTHER_PLATFORM_BINARIES = [
  '!node_modules/onnxruntime-node/bin/napi-v6/!(${platform}){,/**/*}',
  '!node_modules/onnxruntime-node/bin/napi-v6/${platform}/!(${arch}){,/**/*}',
  '!node_modules/@lancedb/lancedb-!(${platform}-${arch}*){,/**/*}',
  '!node_modules/@img/sharp-!(${platform}-${arch}|libvips-${platform}-${arch}){,/**/*}',
  '!node_modules/@napi-rs/canvas-!(${platform}-${arch}*){,/**/*}',
];

export interface PackOptions {
  /** Repository root (holds package.json, package-lock.json, node_modules). Default: this file's parent. */
  readonly root?: string;
  /** Where `npm run build` wrote `electron/` and `renderer/`. Default: `<root>/dist`. */
  readonly distDir?: string;
  /** Where the app folder and installers go. Default: `<root>/dist/release` (ignored by git). */
  readonly outputDir?: string;
  /**
   * An unpacked Electron 45.5.0 for the target platform, used instead of downloading one.
   * Default: `POLYSEEK_ELECTRON_DIST`, else electron-builder downloads it.
   */
  readonly electronDist?: string;
}

/** The host's architecture: native packages in node_modules are installed for it and no other. */
function hostArch(): 'x64' | 'arm64' {
  return process.arch === 'arm64' ? 'arm64' : 'x64';
}

/**
 * Packages only for the machine it runs on: node_modules holds that machine's native binaries, so a
 * cross-build would ship the wrong ones. An Intel Mac has no onnxruntime-node binary at all.
 */
function refuseCrossBuilds(context: { electronPlatformName: string; arch: Arch }): void {
  const arch = Arch[context.arch];
  if (context.electronPlatformName === 'darwin' && arch !== 'arm64') {
    throw new Error('Polyseek packages for Apple silicon only: onnxruntime-node ships no Intel-macOS binary');
  }
  if (context.electronPlatformName !== process.platform || arch !== process.arch) {
    throw new Error(
      `packaging for ${context.electronPlatformName}-${arch} on ${process.platform}-${process.arch}: ` +
        "build each platform's package on that platform (node_modules holds this machine's native binaries)",
    );
  }
}

export function packagerConfig(options: PackOptions = {}): Configuration {
  const root = options.root ?? ROOT;
  const distDir = options.distDir ?? join(root, 'dist');
  const electronDist = options.electronDist ?? process.env['POLYSEEK_ELECTRON_DIST'];
  const unusedPackages = unusedPackagePaths(readPackageLock(root)).map((path) => `!${path}{,/**/*}`);
  const bundle = (name: string) => ({
    from: join(distDir, name),
    to: `dist/${name}`,
    filter: ['**/*', '!**/*.map', NO_MODEL_WEIGHTS],
  });
  const arch = [hostArch()];
  return {
    appId: 'app.polyseek.desktop',
    productName: 'Polyseek',
    copyright: 'Copyright © Polyseek contributors',
    directories: { output: options.outputDir ?? join(root, 'dist', 'release'), buildResources: 'build' },
    ...(electronDist ? { electronDist } : {}),
    // Plain patterns only at this level: electron-builder turns platform-level `files` strings into a
    // matcher of their own that, holding only exclusions, would pack the whole repository.
    files: [
      'package.json',
      ...unusedPackages,
      ...UNUSED_FILES,
      ...OTHER_PLATFORM_BINARIES,
      NO_MODEL_WEIGHTS,
      bundle('electron'),
      bundle('renderer'),
    ],
    asar: true,
    asarUnpack: ASAR_UNPACK,
    // Every native addon here is an N-API prebuilt binary: nothing to compile against Electron's headers.
    npmRebuild: false,
    nodeGypRebuild: false,
    publish: null,
    beforePack: refuseCrossBuilds,
    linux: {
      target: [
        { target: 'AppImage', arch },
        { target: 'deb', arch },
      ],
      executableName: 'polyseek',
      icon: 'build/icons/png',
      category: 'Utility',
      synopsis: 'Private, offline multilingual search over your own documents',
      maintainer: 'Polyseek contributors',
    },
    mac: {
      target: [{ target: 'dmg', arch: ['arm64'] }],
      icon: 'build/icons/icon.icns',
      category: 'public.app-category.productivity',
    },
    win: {
      target: [{ target: 'nsis', arch }],
      icon: 'build/icons/icon.ico',
    },
    nsis: { oneClick: false, perMachine: false },
  };
}

export default packagerConfig();
