// Worker threads from a bundle: the engine is bundled to CommonJS (dist/electron/worker.cjs) and starts
// extract-worker.mjs (the extractor pool) and umap-worker.mjs (the topic map's fit) from beside itself.
// Bundles the workers with build/bundle-electron.mjs's settings and small CommonJS drivers the way the
// engine bundle is built, then runs the drivers with plain Node.
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { projectDocuments } from '../../../electron/engine/explore/project';
import { plantedDocuments } from '../../fixtures/clustered-vectors';

const ROOT = resolve(import.meta.dirname, '../../..');
// Inside the repository (test-output/ is git-ignored) so the bundles resolve node_modules as in the app.
const OUT = join(ROOT, 'test-output', `extract-bundle-${process.pid}`);

beforeAll(async () => {
  await mkdir(OUT, { recursive: true });
  const driver = join(OUT, 'driver.ts');
  await writeFile(
    driver,
    `import { createExtractorPool } from '../../electron/engine/extract';
const pool = createExtractorPool({ size: 1 });
pool.extract(process.argv[2]!).then(
  (r) => { console.log(JSON.stringify(r.segments)); return pool.dispose(); },
  (e: Error & { code?: string }) => { console.log(JSON.stringify({ code: e.code, message: e.message })); return pool.dispose(); },
);\n`,
  );
  const mapDriver = join(OUT, 'map-driver.ts');
  await writeFile(
    mapDriver,
    `import { readFileSync } from 'node:fs';
import { projectDocuments } from '../../electron/engine/explore/project';
const [path, n, dims] = process.argv.slice(2);
const bytes = readFileSync(path!);
const data = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
const signal = new AbortController().signal;
projectDocuments({ n: Number(n), dims: Number(dims), data }, { seed: 3, signal, labels: new Int32Array(Number(n)) }).then(
  (xy) => console.log(JSON.stringify(Array.from(xy))),
  (e: Error) => { console.log(JSON.stringify({ message: e.message })); },
);\n`,
  );
  const common = {
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
  } as const;
  await build({
    ...common,
    entryPoints: [driver],
    outfile: join(OUT, 'engine.cjs'),
    format: 'cjs',
    supported: { 'dynamic-import': false },
    logLevel: 'error',
  });
  await build({
    ...common,
    entryPoints: [mapDriver],
    outfile: join(OUT, 'map.cjs'),
    format: 'cjs',
    supported: { 'dynamic-import': false },
    logLevel: 'error',
  });
  for (const [entry, outfile] of [
    ['electron/engine/extract/worker-entry.ts', 'extract-worker.mjs'],
    ['electron/engine/explore/umap-worker-entry.ts', 'umap-worker.mjs'],
  ] as const) {
    await build({ ...common, entryPoints: [entry], outfile: join(OUT, outfile), format: 'esm', logLevel: 'error' });
  }
  await writeFile(join(OUT, 'hello.md'), '# Greeting\n\nHello from the bundle.\n');
}, 60_000);

afterAll(async () => {
  await rm(OUT, { recursive: true, force: true });
});

it('starts extract-worker.mjs from beside a CommonJS engine bundle', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [join(OUT, 'engine.cjs'), join(OUT, 'hello.md')], {
    cwd: OUT,
  });
  expect(JSON.parse(stdout)).toEqual([
    { kind: 'heading', level: 1, text: 'Greeting', location: { line: 1, lineEnd: 1 } },
    { kind: 'text', text: 'Hello from the bundle.', location: { line: 3, lineEnd: 3 } },
  ]);
});

it('loads pdf.js in the bundled worker', async () => {
  const pdf = resolve(ROOT, '../shared/corpus/06-filesystem-edge/binary-or-mismatch/pdf_standardized_text');
  const { stdout } = await promisify(execFile)(process.execPath, [join(OUT, 'engine.cjs'), pdf], { cwd: OUT });
  expect(stdout).toContain('lazy dog');
});

it('starts umap-worker.mjs from beside a CommonJS engine bundle, with the same map as from source', async () => {
  const { vectors, labels } = plantedDocuments(3, 60, 16);
  const path = join(OUT, 'vectors.f32');
  await writeFile(path, vectors.data);
  const args = [join(OUT, 'map.cjs'), path, String(vectors.n), String(vectors.dims)];
  const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: OUT });
  const fromSource = await projectDocuments(vectors, { seed: 3, signal: new AbortController().signal, labels });
  expect(JSON.parse(stdout)).toEqual(Array.from(fromSource));
});
