import { lstat, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { defaultModelDir } from '../../../electron/engine/engine';
import { copyModelFolder, flipByte, hfCacheFolder } from '../../fixtures/model-folders';
import { SYNTHETIC_FILES, TEST_REVISION, syntheticManifest } from '../../fixtures/model-manifest';
import { useModelRuntimes } from '../../fixtures/model-runtime';
import { ensureSyntheticModel } from '../../fixtures/synthetic-model';
import { useTempDirs } from '../../fixtures/temp-dir';

const tempDir = useTempDirs();
const openModelRuntime = useModelRuntimes();
let source: string;

beforeAll(async () => {
  source = await ensureSyntheticModel('tiny');
});

async function profile() {
  const dataDir = await tempDir();
  const model = await openModelRuntime(dataDir, {
    manifest: await syntheticManifest(source),
    env: {},
    freeSpace: () => Promise.resolve(1e12),
  });
  return { dataDir, ...model };
}

describe('model.locate', () => {
  it('uses a folder in place after checking every file, and records it in settings', async () => {
    const { runtime, finished } = await profile();
    const stick = await copyModelFolder(source, join(await tempDir(), 'USB', 'jina'));
    const started = await runtime.invoke('model.locate', { path: stick, mode: 'use' });
    expect(started).toMatchObject({ ok: true, value: { job: { kind: 'locate', state: 'running' } } });
    expect(await finished()).toMatchObject({ state: 'done' });
    expect(runtime.settings.settings.model.dir).toBe(stick);
    const status = await runtime.invoke('model.status', {});
    expect(status).toMatchObject({ ok: true, value: { dir: stick, dirSource: 'settings', hfCacheSnapshot: false } });
    if (!status.ok) return;
    expect(status.value.variants.find((v) => v.variant === 'fp32')).toMatchObject({ complete: true, verified: true });
    expect(runtime.engine.modelDir).toBe(stick);
  });

  it('copies a folder into the profile, verified, and goes back to the profile folder', async () => {
    const { runtime, finished, dataDir } = await profile();
    const stick = await copyModelFolder(source, join(await tempDir(), 'stick'));
    await runtime.settings.update((s) => ({ ...s, model: { ...s.model, dir: stick } }));
    await runtime.invoke('model.locate', { path: stick, mode: 'copy' });
    expect(await finished()).toMatchObject({ state: 'done' });
    const profileDir = defaultModelDir(dataDir);
    for (const path of SYNTHETIC_FILES) {
      expect((await readFile(join(profileDir, path))).equals(await readFile(join(stick, path)))).toBe(true);
    }
    expect(runtime.settings.settings.model.dir).toBeNull();
    const status = await runtime.invoke('model.status', {});
    expect(status).toMatchObject({ ok: true, value: { dir: profileDir, dirSource: 'profile' } });
    if (status.ok) expect(status.value.files.find((f) => f.path === 'onnx/model.onnx')?.check).toBe('verified');
  });

  it('resolves a Hugging Face cache folder to its snapshot and reads the symlinked files in place', async () => {
    const { runtime, finished } = await profile();
    const { repoDir, snapshotDir } = await hfCacheFolder(source, await tempDir(), TEST_REVISION);
    expect((await lstat(join(snapshotDir, 'config.json'))).isSymbolicLink()).toBe(true);
    await runtime.invoke('model.locate', { path: repoDir, mode: 'use' });
    expect(await finished()).toMatchObject({ state: 'done' });
    const status = await runtime.invoke('model.status', {});
    expect(status).toMatchObject({ ok: true, value: { dir: snapshotDir, hfCacheSnapshot: true } });
    if (status.ok) expect(status.value.variants[0]).toMatchObject({ variant: 'fp32', complete: true, verified: true });
    // Polyseek never writes into someone else's cache.
    expect(await runtime.invoke('model.download', { variant: 'fp32' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('Hugging Face cache snapshot') as string },
    });
  });

  it('refuses a folder missing a file, naming it, without starting a job', async () => {
    const { runtime } = await profile();
    const stick = await copyModelFolder(source, join(await tempDir(), 'partial'));
    await rm(join(stick, 'tokenizer.json'));
    const refused = await runtime.invoke('model.locate', { path: stick, mode: 'use' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'MODEL_NOT_FOUND' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/lacks tokenizer\.json/);
    expect(await runtime.engine.models.waitForJob()).toBeNull();
    expect(runtime.settings.settings.model.dir).toBeNull();
  });

  it('refuses a folder whose file fails its hash, leaving settings as they were', async () => {
    const { runtime, finished } = await profile();
    const stick = await copyModelFolder(source, join(await tempDir(), 'damaged'));
    await flipByte(join(stick, 'onnx', 'model.onnx'));
    await runtime.invoke('model.locate', { path: stick, mode: 'use' });
    const job = await finished();
    expect(job).toMatchObject({ state: 'failed', error: { code: 'CHECKSUM_MISMATCH' } });
    expect(job.error?.message).toContain('onnx/model.onnx has sha256');
    expect(runtime.settings.settings.model.dir).toBeNull();

    // A copy of it never appears under the real names in the profile either.
    await runtime.invoke('model.locate', { path: stick, mode: 'copy' });
    expect(await finished()).toMatchObject({ state: 'failed', error: { code: 'CHECKSUM_MISMATCH' } });
    await expect(stat(join(defaultModelDir(runtime.engine.dataDir), 'onnx', 'model.onnx'))).rejects.toThrow();
  });

  it('refuses a relative path', async () => {
    const { runtime } = await profile();
    expect(await runtime.invoke('model.locate', { path: 'models/jina', mode: 'use' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
