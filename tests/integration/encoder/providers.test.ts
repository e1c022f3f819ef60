import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { Encoder } from '../../../electron/engine/encoder';
import { cosine } from '../../../electron/engine/encoder/vectors';
import { ensureSyntheticModel } from '../../fixtures/synthetic-model';

let tiny: string;
beforeAll(async () => {
  tiny = await ensureSyntheticModel('tiny');
});
const load = (provider: 'cpu' | 'webgpu' | 'cuda' | 'auto') =>
  Encoder.load({ modelDir: tiny, cacheDir: join(tiny, '..', '.transformers-cache'), licenseAccepted: true, provider });

describe('execution providers, for real', () => {
  it('falls back to CPU with the reason when CUDA is asked for but not installed', async () => {
    const encoder = await load('cuda');
    try {
      expect(encoder.provider.provider).toBe('cpu');
      expect(encoder.provider.fallbackReason).toMatch(/cuda (is not installed|failed to start)/);
    } finally {
      await encoder.dispose();
    }
  });

  it('under auto ends on a verified provider or on CPU with a reason for each GPU it passed over', async () => {
    const encoder = await load('auto');
    try {
      const { provider, verified, attempts } = encoder.provider;
      expect(provider === 'cpu' || verified).toBe(true);
      for (const attempt of attempts.filter((a) => a.outcome !== 'used')) expect(attempt.reason).toBeTruthy();
    } finally {
      await encoder.dispose();
    }
  });

  // ORT bundles WebGPU; on a machine without a GPU it runs on Mesa's lavapipe (software Vulkan from
  // bookworm-backports, installed by .ci/run). CI must have it; elsewhere the test says what is missing.
  it('runs and verifies the WebGPU provider against CPU', async (context) => {
    const webgpu = await probeWebGpu();
    if (!webgpu.ok && process.env['CI'] === undefined) {
      console.warn(`skipping the WebGPU test: ${webgpu.why}`);
      context.skip(webgpu.why);
    }
    expect(webgpu.why).toBe('');
    const [gpu, cpu] = [await load('webgpu'), await load('cpu')];
    try {
      expect(gpu.provider).toMatchObject({ provider: 'webgpu', verified: true, fallbackReason: null });
      const text = ['Everyone has the right to education.', '人人有受教育的权利。'];
      const [a, b] = [
        await gpu.embed(text, { task: 'retrieval.passage' }),
        await cpu.embed(text, { task: 'retrieval.passage' }),
      ];
      a.forEach((e, i) => expect(cosine(e.vector, b[i]?.vector ?? new Float32Array())).toBeGreaterThanOrEqual(0.999));
    } finally {
      await gpu.dispose();
      await cpu.dispose();
    }
  });
});

async function probeWebGpu(): Promise<{ ok: boolean; why: string }> {
  const model = await ensureSyntheticModel('tiny');
  const ort = await import('onnxruntime-node');
  try {
    const session = await ort.InferenceSession.create(join(model, 'onnx', 'model.onnx'), {
      executionProviders: ['webgpu'],
    });
    await session.release();
    return { ok: true, why: '' };
  } catch (error) {
    return {
      ok: false,
      why: `no WebGPU adapter (${(error as Error).message.split('\n')[0]?.slice(-120) ?? ''}); install Mesa's Vulkan drivers from bookworm-backports as .ci/run does`,
    };
  }
}
