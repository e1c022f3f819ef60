import { beforeAll, describe, expect, it, vi } from 'vitest';

import { openRuntime, type Runtime } from '../../../electron/engine/runtime';
import { LICENSE_ID, MODEL_ID } from '../../../shared';
import { ensureSyntheticModel } from '../../fixtures/synthetic-model';
import { useTempDirs } from '../../fixtures/temp-dir';

const tempDir = useTempDirs();
let modelDir: string;
beforeAll(async () => {
  modelDir = await ensureSyntheticModel('tiny');
});

async function runtime(): Promise<Runtime> {
  return openRuntime({ dataDir: await tempDir(), host: 'cli', modelDir, onUnexpected: () => undefined });
}
const accept = { licenseId: LICENSE_ID, modelId: MODEL_ID, nonCommercialOnly: true } as const;

describe('the engine’s encoder', () => {
  it('refuses to embed until the licence is accepted, then embeds with the settings’ defaults', async () => {
    const rt = await runtime();
    try {
      const refused = await rt.invoke('embed', { texts: ['hello'], task: 'retrieval.query' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'LICENSE_NOT_ACCEPTED' } });
      expect(await rt.invoke('gpu.status', {})).toMatchObject({ ok: true, value: { active: null } });

      await rt.invoke('license.accept', accept);
      const result = await rt.invoke('embed', { texts: ['hello', 'мир'], task: 'retrieval.query', binary: true });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      // Settings ask for 1024 dims; the tiny model offers 32, so its full size is used.
      expect(result.value).toMatchObject({
        provider: 'cpu',
        dims: 32,
        prefix: true,
        model: { synthetic: 'tiny', precision: 'fp32' },
      });
      expect(result.value.embeddings.map((e) => e.vector.length)).toEqual([32, 32]);
      expect(result.value.embeddings[0]?.binary).toMatch(/^[A-Za-z0-9+/]+=*$/);

      const gpu = await rt.invoke('gpu.status', {});
      expect(gpu.ok && gpu.value.active).toMatchObject({ provider: 'cpu' });
    } finally {
      await rt.dispose();
    }
  });

  it('loads the encoder once, reloads it when compute settings change, and releases it on dispose', async () => {
    const rt = await runtime();
    await rt.invoke('license.accept', accept);
    const first = await rt.engine.encoder();
    expect(await rt.engine.encoder()).toBe(first);
    const disposeFirst = vi.spyOn(first, 'dispose');
    await rt.invoke('settings.set', { compute: { threads: 1 } });
    const second = await rt.engine.encoder();
    expect(second).not.toBe(first);
    await vi.waitFor(() => expect(disposeFirst).toHaveBeenCalled());
    const disposeSecond = vi.spyOn(second, 'dispose');
    await rt.dispose();
    expect(disposeSecond).toHaveBeenCalled();
  });

  it('reports a missing model folder plainly', async () => {
    const rt = await openRuntime({ dataDir: await tempDir(), host: 'cli' });
    try {
      await rt.invoke('license.accept', accept);
      const result = await rt.invoke('embed', { texts: ['x'], task: 'separation' });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'MODEL_NOT_FOUND', message: expect.stringContaining('jinaai--jina-embeddings-v3') as string },
      });
    } finally {
      await rt.dispose();
    }
  });

  it('refuses a dimension the model lacks when asked for explicitly', async () => {
    const rt = await runtime();
    try {
      await rt.invoke('license.accept', accept);
      expect(await rt.invoke('embed', { texts: ['x'], task: 'separation', dims: 256 })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    } finally {
      await rt.dispose();
    }
  });
});
