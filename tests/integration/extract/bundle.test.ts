// The pool from a bundle: the engine is bundled to CommonJS (dist/electron/worker.cjs) and starts
// extract-worker.mjs from beside itself. Bundles the worker with build/bundle-electron.mjs's settings and a
// small CommonJS driver the way the engine bundle is built, then runs the driver with plain Node.
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';

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
    entryPoints: ['electron/engine/extract/worker-entry.ts'],
    outfile: join(OUT, 'extract-worker.mjs'),
    format: 'esm',
    logLevel: 'error',
  });
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
