import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface WorkerScript {
  /** A path, or source text when `eval` is true. */
  readonly script: string;
  readonly eval: boolean;
}

/** The file this module was loaded from: the TS source (tsx, vitest) or a bundle (CJS or ESM). */
function currentFile(): string {
  // CommonJS bundles (and vitest's module runner) define __filename; ESM has import.meta.url.
  if (typeof __filename === 'string') return __filename;
  return fileURLToPath(import.meta.url);
}

/** tsx's ESM API entry: require.resolve would pick its CommonJS twin, which cannot register ESM hooks. */
function tsxEsmApi(from: string): string {
  const manifest = createRequire(from).resolve('tsx/package.json');
  const exports = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports?: Record<string, unknown> }).exports;
  const api = exports?.['./esm/api'] as { import?: { default?: string } } | undefined;
  const target = api?.import?.default;
  if (!target) throw new Error('tsx does not export ./esm/api: worker threads need it to run from source');
  return join(dirname(manifest), target);
}

/**
 * How to start one of the engine's worker threads. From the TypeScript source the worker is `entry`
 * (a path relative to electron/engine, e.g. `extract/worker-entry.ts`), loaded through tsx's ESM hooks
 * registered inside the new thread (hooks do not cross into workers); from a bundle it is `bundle`
 * (e.g. `extract-worker.mjs`), which build/bundle-electron.mjs writes beside the engine bundle.
 */
export function workerScript(entry: string, bundle: string): WorkerScript {
  const here = currentFile();
  if (!here.endsWith('.ts')) return { script: join(dirname(here), bundle), eval: false };
  const source = pathToFileURL(join(dirname(here), '..', entry)).href;
  const tsx = pathToFileURL(tsxEsmApi(here)).href;
  const script =
    `import(${JSON.stringify(tsx)})` +
    `.then(({ register }) => { register(); return import(${JSON.stringify(source)}); })` +
    `.catch((error) => { process.nextTick(() => { throw error; }); });`;
  return { script, eval: true };
}
