import { describe, expect, it } from 'vitest';

import { providerCandidates, selectProvider } from '../../../../electron/engine/encoder/providers';

describe('providerCandidates', () => {
  it('tries the platform’s GPU providers in order, then CPU, skipping what is not installed', () => {
    expect(providerCandidates('auto', ['cpu', 'webgpu'], 'linux')).toEqual({
      candidates: ['webgpu', 'cpu'],
      skipped: [
        { provider: 'cuda', outcome: 'skipped', reason: expect.stringContaining('cuda is not installed') as string },
      ],
    });
    expect(providerCandidates('auto', ['cpu', 'dml', 'webgpu', 'cuda'], 'win32').candidates).toEqual([
      'cuda',
      'dml',
      'webgpu',
      'cpu',
    ]);
    expect(providerCandidates('auto', ['cpu', 'coreml', 'webgpu'], 'darwin').candidates).toEqual([
      'coreml',
      'webgpu',
      'cpu',
    ]);
  });

  it('honours force-CPU and an explicit provider', () => {
    expect(providerCandidates('cpu', ['cpu', 'webgpu', 'cuda'], 'linux')).toEqual({ candidates: ['cpu'], skipped: [] });
    expect(providerCandidates('webgpu', ['cpu', 'webgpu'], 'linux').candidates).toEqual(['webgpu', 'cpu']);
    expect(providerCandidates('coreml', ['cpu', 'webgpu'], 'linux').candidates).toEqual(['cpu']);
  });
});

/** Fake sessions: each is a name; probes return per-provider vectors. */
function fakes(vectors: Record<string, number[]>, options: { failing?: string[]; ms?: Record<string, number> } = {}) {
  const released: string[] = [];
  return {
    released,
    open: (provider: string) => {
      if (options.failing?.includes(provider)) return Promise.reject(new Error(`no ${provider} device`));
      return Promise.resolve({ session: provider, release: () => (released.push(provider), Promise.resolve()) });
    },
    probe: (session: string) => Promise.resolve([Float32Array.from(vectors[session] ?? [])]),
    time: (session: string) => Promise.resolve(options.ms?.[session] ?? 1),
  };
}

describe('selectProvider', () => {
  it('uses a GPU whose probe matches CPU and releases the CPU reference', async () => {
    const f = fakes({ cpu: [1, 2, 3], webgpu: [1, 2, 3.0001] }, { ms: { cpu: 10, webgpu: 2 } });
    const { session, report } = await selectProvider({
      preference: 'auto',
      available: ['cpu', 'webgpu'],
      platform: 'linux',
      ...f,
    });
    expect(session).toBe('webgpu');
    expect(report).toMatchObject({ provider: 'webgpu', verified: true, fallbackReason: null });
    expect(f.released).toEqual(['cpu']);
  });

  it('rejects a GPU whose results differ from CPU, and says why', async () => {
    const f = fakes({ cpu: [1, 2, 3], webgpu: [3, 2, 1] });
    const { session, report } = await selectProvider({ preference: 'webgpu', available: ['cpu', 'webgpu'], ...f });
    expect(session).toBe('cpu');
    expect(report.fallbackReason).toMatch(/webgpu gives probe 0 unlike CPU \(cosine 0\.7\d+ < 0\.999\)/);
    expect(f.released).toEqual(['webgpu']);
  });

  it('falls back when a provider cannot start, recording every attempt', async () => {
    const f = fakes({ cpu: [1] }, { failing: ['cuda'] });
    const { report } = await selectProvider({ preference: 'cuda', available: ['cpu', 'cuda'], ...f });
    expect(report.provider).toBe('cpu');
    expect(report.fallbackReason).toBe('cuda failed to start: no cuda device');
    expect(report.attempts.map((a) => `${a.provider}:${a.outcome}`)).toEqual(['cuda:failed', 'cpu:used']);
  });

  it('under auto, drops a correct GPU that is slower than CPU (software adapters)', async () => {
    const f = fakes({ cpu: [1, 2], webgpu: [1, 2] }, { ms: { cpu: 5, webgpu: 40 } });
    const { report } = await selectProvider({
      preference: 'auto',
      available: ['cpu', 'webgpu'],
      platform: 'linux',
      ...f,
    });
    expect(report.provider).toBe('cpu');
    expect(report.fallbackReason).toContain('webgpu is correct but slower than CPU (40.0 ms vs 5.0 ms per probe)');
  });

  it('reports no fallback when CPU was asked for', async () => {
    const f = fakes({ cpu: [1] });
    const { report } = await selectProvider({ preference: 'cpu', available: ['cpu', 'webgpu'], ...f });
    expect(report).toMatchObject({
      provider: 'cpu',
      fallbackReason: null,
      attempts: [{ provider: 'cpu', outcome: 'used' }],
    });
  });
});
