// Bundles the Electron layer (run by `npm run build:electron`):
//   electron/main/main.ts       → dist/electron/main.cjs     (package.json "main")
//   electron/preload/preload.ts → dist/electron/preload.cjs  (sandboxed: one file, requires only 'electron')
//   electron/worker/main.ts     → dist/electron/worker.cjs   (the engine's utilityProcess)
//   electron/engine/extract/worker-entry.ts → dist/electron/extract-worker.mjs (extraction worker threads,
//                                 started by the engine's extractor pool from beside its own bundle)
//   electron/engine/explore/umap-worker-entry.ts → dist/electron/umap-worker.mjs (the topic map's UMAP fit,
//                                 a worker thread the engine starts from beside its own bundle per map)
// `--outdir DIR` writes elsewhere (the integration test bundles into a temp folder).
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
const outdir = resolve(values.outdir ?? join(root, 'dist', 'electron'));

// Electron 45 ships Node 22 and Chromium 140.
const NODE_TARGET = 'node22';
const CHROME_TARGET = 'chrome140';

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
};

// Electron's asar support is surest through require(); a dynamic import() of an external package (ORT is
// loaded lazily) becomes a deferred require().
const requireExternals = { supported: { 'dynamic-import': false } };

// CommonJS has no import.meta: esbuild would leave `import.meta.url` undefined, and code that resolves
// packages from its own location (`createRequire(import.meta.url)`: onnxruntime-node's binary folder,
// pdf.js's data files) would fail in the bundles only. Give it this file's URL, which inside an app.asar
// is the asar path that Electron's require and fs resolve.
const cjsImportMeta = {
  define: { 'import.meta.url': 'importMetaUrl' },
  inject: [join(root, 'build', 'cjs-import-meta-url.mjs')],
};

const targets = [
  {
    // Node packages stay in node_modules (zod, and nothing native: main never loads ORT or LanceDB).
    ...common,
    entryPoints: ['electron/main/main.ts'],
    outfile: join(outdir, 'main.cjs'),
    platform: 'node',
    target: NODE_TARGET,
    packages: 'external',
    external: ['electron'],
    ...requireExternals,
    ...cjsImportMeta,
  },
  {
    // A sandboxed preload can require only 'electron' and a few polyfilled builtins, so everything else
    // is inlined, and the browser platform makes any Node builtin a build error instead of a runtime one.
    ...common,
    entryPoints: ['electron/preload/preload.ts'],
    outfile: join(outdir, 'preload.cjs'),
    platform: 'browser',
    target: CHROME_TARGET,
    external: ['electron'],
  },
  {
    // Native and heavy packages (onnxruntime-node, @lancedb/lancedb, @huggingface/transformers, sharp,
    // apache-arrow) load from node_modules (asar-unpacked when packaged); never inlined.
    ...common,
    entryPoints: ['electron/worker/main.ts'],
    outfile: join(outdir, 'worker.cjs'),
    platform: 'node',
    target: NODE_TARGET,
    packages: 'external',
    ...requireExternals,
    ...cjsImportMeta,
  },
  {
    // ESM, so pdf.js (ESM-only, top-level await) loads with a real import(); its cmaps and fonts are read
    // from node_modules/pdfjs-dist at run time.
    ...common,
    format: 'esm',
    entryPoints: ['electron/engine/extract/worker-entry.ts'],
    outfile: join(outdir, 'extract-worker.mjs'),
    platform: 'node',
    target: NODE_TARGET,
    packages: 'external',
  },
  {
    // ESM like the extraction worker: both start the same way (engine/workers/worker-script.ts).
    ...common,
    format: 'esm',
    entryPoints: ['electron/engine/explore/umap-worker-entry.ts'],
    outfile: join(outdir, 'umap-worker.mjs'),
    platform: 'node',
    target: NODE_TARGET,
    packages: 'external',
  },
];

const results = await Promise.all(targets.map((options) => build(options)));

// Guard: the preload must reach nothing at run time but 'electron'.
const preloadImports = Object.values(results[1].metafile.outputs)
  .flatMap((output) => output.imports)
  .filter((entry) => entry.external)
  .map((entry) => entry.path);
const foreign = preloadImports.filter((path) => path !== 'electron');
if (foreign.length > 0) {
  console.error(`bundle-electron: the preload must require only 'electron', found: ${foreign.join(', ')}`);
  process.exit(1);
}

for (const { outfile } of targets) {
  const size = (await readFile(outfile)).length;
  console.log(`bundle-electron: ${outfile} (${(size / 1024).toFixed(1)} KiB)`);
}
