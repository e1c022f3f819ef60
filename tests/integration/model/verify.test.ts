import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { defaultModelDir } from '../../../electron/engine/engine';
import type { QuantizeToInt8 } from '../../../electron/engine/model/quantize-job';
import { LICENSE_ID, MODEL_ID, type ModelStatus } from '../../../shared';
import { copyModelFolder, flipByte } from '../../fixtures/model-folders';
import { syntheticManifest, type SyntheticManifestOptions } from '../../fixtures/model-manifest';
import { useModelRuntimes } from '../../fixtures/model-runtime';
import { ensureSyntheticModel } from '../../fixtures/synthetic-model';
import { useTempDirs } from '../../fixtures/temp-dir';

const tempDir = useTempDirs();
const openModelRuntime = useModelRuntimes();
let source: string;
let otherModel: string;

beforeAll(async () => {
  source = await ensureSyntheticModel('tiny');
  otherModel = await ensureSyntheticModel('tiny', { seed: 7 });
});

/** A profile whose own model folder holds the synthetic model. */
async function profile(options: { manifest?: SyntheticManifestOptions; quantize?: QuantizeToInt8 } = {}) {
  const dataDir = await tempDir();
  await copyModelFolder(source, defaultModelDir(dataDir));
  const model = await openModelRuntime(dataDir, {
    manifest: await syntheticManifest(source, options.manifest),
    env: {},
    freeSpace: () => Promise.resolve(1e12),
    ...(options.quantize ? { quantize: options.quantize } : {}),
  });
  return { dataDir, modelDir: defaultModelDir(dataDir), ...model };
}

async function acceptLicence(runtime: Awaited<ReturnType<typeof profile>>['runtime']): Promise<void> {
  await runtime.invoke('license.accept', { licenseId: LICENSE_ID, modelId: MODEL_ID, nonCommercialOnly: true });
}

async function status(runtime: Awaited<ReturnType<typeof profile>>['runtime']): Promise<ModelStatus> {
  const result = await runtime.invoke('model.status', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('model.verify', () => {
  it('checks hashes without the licence and says the fingerprint needs it', async () => {
    const { runtime, finished } = await profile();
    await runtime.invoke('model.verify', {});
    const job = await finished();
    expect(job).toMatchObject({ state: 'done', kind: 'verify' });
    expect(job.message).toMatch(/5 file\(s\) match their reference hash; fingerprint not checked: .*licence/);
    const after = await status(runtime);
    expect(after.files.filter((f) => f.check === 'verified')).toHaveLength(5);
    expect(after.fingerprints).toEqual([expect.objectContaining({ variant: 'fp32', state: 'needs-licence' })]);
  });

  it('detects a damaged file by its hash', async () => {
    const { runtime, finished, modelDir } = await profile();
    await flipByte(join(modelDir, 'tokenizer.json'));
    await runtime.invoke('model.verify', { variant: 'fp32' });
    const job = await finished();
    expect(job).toMatchObject({ state: 'failed', error: { code: 'CHECKSUM_MISMATCH' } });
    expect(job.error?.message).toContain('tokenizer.json has sha256');
    expect((await status(runtime)).files.find((f) => f.path === 'tokenizer.json')?.check).toBe('mismatch');
  });

  it('records the fingerprint at the first load, matches it later, and tells a different model apart', async () => {
    // Hashes unknown for the weights and config, so only the fingerprint can tell the two models apart.
    const { runtime, finished, modelDir } = await profile({
      manifest: { unknown: ['onnx/model.onnx', 'config.json'] },
    });
    await acceptLicence(runtime);
    expect(await runtime.invoke('embed', { texts: ['hello'], task: 'retrieval.query' })).toMatchObject({ ok: true });
    await runtime.engine.models.context.firstLoadsSettled();
    const record = JSON.parse(await readFile(join(modelDir, 'polyseek-model.json'), 'utf8')) as {
      fingerprints: { fp32?: { dir: string; probes: unknown[] } };
    };
    expect(record.fingerprints.fp32).toMatchObject({ dir: modelDir });
    expect(record.fingerprints.fp32?.probes).toHaveLength(25); // 5 scripts × 5 tasks

    await runtime.invoke('model.verify', {});
    expect(await finished()).toMatchObject({
      state: 'done',
      message: expect.stringContaining('fingerprint matches') as string,
    });
    const matching = (await status(runtime)).fingerprints[0];
    expect(matching).toMatchObject({ variant: 'fp32', state: 'matches' });
    expect(matching?.minCosine).toBeGreaterThan(0.9999);

    const other = await copyModelFolder(otherModel, join(await tempDir(), 'other'));
    await runtime.invoke('model.locate', { path: other, mode: 'use' });
    expect(await finished()).toMatchObject({ state: 'done' });
    await runtime.invoke('model.verify', {});
    const mismatch = await finished();
    expect(mismatch).toMatchObject({ state: 'failed', error: { code: 'FINGERPRINT_MISMATCH' } });
    expect((await status(runtime)).fingerprints[0]).toMatchObject({ state: 'mismatch' });
    expect((await status(runtime)).fingerprints[0]?.minCosine).toBeLessThan(0.9);

    // Replaced on purpose: a new reference, which the same model then matches.
    await runtime.invoke('model.verify', { resetFingerprint: true });
    expect(await finished()).toMatchObject({ state: 'done', message: expect.stringContaining('recorded') as string });
    await runtime.invoke('model.verify', {});
    expect(await finished()).toMatchObject({ state: 'done', message: expect.stringContaining('matches') as string });
  });

  it('refuses to verify a variant that is not there', async () => {
    const { runtime } = await profile();
    expect(await runtime.invoke('model.verify', { variant: 'fp16' })).toMatchObject({
      ok: false,
      error: { code: 'MODEL_NOT_FOUND', message: expect.stringContaining('onnx/model_fp16.onnx') as string },
    });
  });
});

describe('model.quantize (job wiring, quantizer injected)', () => {
  const copyQuantizer: QuantizeToInt8 = async ({ modelDir }) => {
    const outputPath = join(modelDir, 'onnx', 'model_int8.onnx');
    await copyFile(join(modelDir, 'onnx', 'model.onnx'), outputPath);
    return { outputPath, bytes: (await readFile(outputPath)).length };
  };
  const wrongQuantizer: QuantizeToInt8 = async ({ modelDir }) => {
    const outputPath = join(modelDir, 'onnx', 'model_int8.onnx');
    await copyFile(join(otherModel, 'onnx', 'model.onnx'), outputPath);
    return { outputPath, bytes: 1 };
  };

  it('needs the licence', async () => {
    const { runtime } = await profile({ quantize: copyQuantizer });
    expect(await runtime.invoke('model.quantize', {})).toMatchObject({
      ok: false,
      error: { code: 'LICENSE_NOT_ACCEPTED' },
    });
  });

  it('checks int8 against fp32 on the probe texts, records the result and offers int8', async () => {
    const { runtime, finished } = await profile({ quantize: copyQuantizer });
    await acceptLicence(runtime);
    await runtime.invoke('model.quantize', {});
    const job = await finished();
    expect(job).toMatchObject({ state: 'done', kind: 'quantize' });
    expect(job.message).toMatch(/mean cosine to fp32 1, lowest 1 over 25 probes/);
    const after = await status(runtime);
    expect(after.int8).toMatchObject({ passed: true, meanCosine: 1, threshold: 0.99 });
    expect(after.variants.find((v) => v.variant === 'int8')).toMatchObject({ complete: true });
    // Its hash, taken when it was made, is its reference from now on.
    expect(after.files.find((f) => f.path === 'onnx/model_int8.onnx')).toMatchObject({
      check: 'verified',
      hashSource: 'recorded',
    });
    expect(await runtime.invoke('embed', { texts: ['x'], task: 'separation', precision: 'int8' })).toMatchObject({
      ok: true,
      value: { model: { precision: 'int8' } },
    });
  });

  it('removes an int8 model that does not match fp32 and fails with QUANTIZE_FAILED', async () => {
    const { runtime, finished, modelDir } = await profile({ quantize: wrongQuantizer });
    await acceptLicence(runtime);
    await runtime.invoke('model.quantize', {});
    const job = await finished();
    expect(job).toMatchObject({ state: 'failed', error: { code: 'QUANTIZE_FAILED' } });
    expect(job.error?.message).toMatch(/int8 removed: mean cosine to fp32 -?0\.\d+/);
    await expect(readFile(join(modelDir, 'onnx', 'model_int8.onnx'))).rejects.toThrow();
    expect((await status(runtime)).int8).toMatchObject({ passed: false });
  });
});
