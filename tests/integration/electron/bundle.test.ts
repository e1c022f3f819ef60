import { execFile } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EngineSupervisor } from '../../../electron/main/engine-supervisor';
import packageJson from '../../../package.json' with { type: 'json' };
import { DEFAULT_SETTINGS } from '../../../shared';
import { forkSpawner } from './fork-engine';

const ROOT = resolve(import.meta.dirname, '../../..');
// Inside the repository (test-output/ is git-ignored) so the bundles resolve node_modules as in the app.
const OUT = join(ROOT, 'test-output', `bundle-electron-${process.pid}`);

function requiredModules(code: string): string[] {
  return [...new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1] as string))].sort();
}

/** Packages the bundles may load at run time: Electron, Node builtins and the app's production deps. */
function allowedAtRunTime(specifier: string): boolean {
  const name = specifier.startsWith('@')
    ? specifier.split('/').slice(0, 2).join('/')
    : (specifier.split('/')[0] as string);
  return (
    name === 'electron' ||
    builtinModules.includes(specifier.replace(/^node:/, '')) ||
    Object.hasOwn(packageJson.dependencies, name)
  );
}

beforeAll(async () => {
  await mkdir(OUT, { recursive: true });
  await promisify(execFile)(process.execPath, ['build/bundle-electron.mjs', '--outdir', OUT], { cwd: ROOT });
}, 60_000);

afterAll(async () => {
  await rm(OUT, { recursive: true, force: true });
});

describe('build/bundle-electron.mjs', () => {
  it('bundles the sandboxed preload to one file that requires only electron', async () => {
    const preload = await readFile(join(OUT, 'preload.cjs'), 'utf8');
    expect(requiredModules(preload)).toEqual(['electron']);
    expect(preload).not.toMatch(/\bimport\(/);
    expect(preload).toContain('exposeInMainWorld("polyseek"');
  });

  it('keeps main and worker to electron, builtins and production dependencies', async () => {
    for (const file of ['main.cjs', 'worker.cjs']) {
      const code = await readFile(join(OUT, file), 'utf8');
      const foreign = requiredModules(code).filter((specifier) => !allowedAtRunTime(specifier));
      expect(foreign, file).toEqual([]);
    }
    const worker = await readFile(join(OUT, 'worker.cjs'), 'utf8');
    expect(requiredModules(worker)).not.toContain('electron');
    // Main must never load the encoder or the database, not even lazily.
    const main = await readFile(join(OUT, 'main.cjs'), 'utf8');
    expect(requiredModules(main).filter((m) => /onnxruntime|lancedb|transformers|sharp/.test(m))).toEqual([]);
  });

  it('runs gpu.status through the bundled worker under plain Node', async () => {
    const forked = forkSpawner(join(OUT, 'worker.cjs'));
    const supervisor = new EngineSupervisor({
      spawn: forked.spawn,
      dataDir: OUT,
      getSettings: () => DEFAULT_SETTINGS,
    });
    supervisor.start();
    try {
      await expect(supervisor.request('gpu.status', {})).resolves.toMatchObject({
        ok: true,
        value: { preference: 'auto' },
      });
    } finally {
      await supervisor.dispose();
    }
  });
});
