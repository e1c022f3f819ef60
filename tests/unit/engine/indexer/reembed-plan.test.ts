import { describe, expect, it } from 'vitest';

import { planReembed, type PlanFacts } from '../../../../electron/engine/indexer/reembed-plan';
import type { Provenance, VectorSetInfo } from '../../../../electron/engine/store/types';
import { DEFAULT_SETTINGS, MODEL_ID, type EncodeSpeed } from '../../../../shared';

const REAL_MODEL = { dims: [32, 64, 128, 256, 512, 768, 1024], hiddenSize: 1024 };

const SERVING: Provenance = {
  modelId: MODEL_ID,
  modelChecksum: 'sha256:aaa',
  precision: 'fp32',
  task: 'retrieval.passage',
  prefix: true,
  dims: 1024,
  chunkerVersion: 3,
};

function set(provenance: Provenance, rows: number, active = false): VectorSetInfo {
  return {
    provenance,
    rows,
    floatBytes: rows * provenance.dims * 4,
    binaryBytes: rows * Math.ceil(provenance.dims / 8),
    index: 'exact',
    active,
  };
}

const FP32_SPEED: EncodeSpeed = {
  precision: 'fp32',
  chunksPerSecond: 4,
  tokensPerSecond: 1200,
  chunks: 400,
  seconds: 100,
  measuredAt: '2026-01-02T10:00:00.000Z',
};

function facts(change: Partial<PlanFacts>): PlanFacts {
  return {
    saved: DEFAULT_SETTINGS,
    patch: {},
    sets: [set(SERVING, 1000, true)],
    active: SERVING,
    current: SERVING,
    chunks: 1000,
    files: 40,
    model: REAL_MODEL,
    chunkerVersion: 3,
    speeds: { fp32: FP32_SPEED },
    ...change,
  };
}

describe('planReembed', () => {
  it('plans nothing for settings vectors do not depend on', () => {
    const plan = planReembed(
      facts({
        patch: { encoder: { queryTask: 'text-matching' }, compute: { threads: 2 }, search: { mode: 'keyword' } },
      }),
    );
    expect(plan).toMatchObject({ action: 'none', changes: [], chunksToEncode: 0, newSetBytes: 0 });
    expect(plan.serving).toEqual(SERVING);
  });

  it('re-embeds every passage for another passage adapter, timed at the measured speed', () => {
    const plan = planReembed(facts({ patch: { encoder: { passageTask: 'text-matching' } } }));
    expect(plan).toMatchObject({
      action: 'encode',
      changes: ['passageTask'],
      chunksToEncode: 1000,
      chunksReady: 0,
      chunksToDerive: 0,
      files: 40,
      estimatedSeconds: 250,
      speed: FP32_SPEED,
      newSetBytes: 1000 * (1024 * 4 + 128),
    });
  });

  it('derives fewer dims from the stored wider set, without the encoder', () => {
    const plan = planReembed(facts({ patch: { encoder: { dims: 256 } } }));
    expect(plan).toMatchObject({
      action: 'derive',
      changes: ['dims'],
      dims: 256,
      chunksToDerive: 1000,
      chunksToEncode: 0,
      estimatedSeconds: 0,
      deriveFrom: SERVING,
      newSetBytes: 1000 * (256 * 4 + 32),
    });
  });

  it('derives what the wider set holds and encodes the rest (files indexed since)', () => {
    const plan = planReembed(facts({ sets: [set(SERVING, 900, true)], patch: { encoder: { dims: 128 } } }));
    expect(plan).toMatchObject({ action: 'derive', chunksToDerive: 900, chunksToEncode: 100, estimatedSeconds: 25 });
  });

  it('encodes everything for more dims than any stored set', () => {
    const narrow = { ...SERVING, dims: 256 };
    const saved = { ...DEFAULT_SETTINGS, encoder: { ...DEFAULT_SETTINGS.encoder, dims: 256 as const } };
    const plan = planReembed(
      facts({
        saved,
        sets: [set(narrow, 1000, true)],
        active: narrow,
        current: narrow,
        patch: { encoder: { dims: 512 } },
      }),
    );
    expect(plan).toMatchObject({ action: 'encode', changes: ['dims'], chunksToEncode: 1000, deriveFrom: null });
  });

  it('reuses a stored set made with exactly the new settings (going back after a change)', () => {
    const narrow = { ...SERVING, dims: 256 };
    const saved = { ...DEFAULT_SETTINGS, encoder: { ...DEFAULT_SETTINGS.encoder, dims: 256 as const } };
    const plan = planReembed(
      facts({
        saved,
        sets: [set(SERVING, 1000), set(narrow, 1000, true)],
        active: narrow,
        current: narrow,
        patch: { encoder: { dims: 1024 } },
      }),
    );
    expect(plan).toMatchObject({ action: 'reuse', reuse: SERVING, chunksReady: 1000, chunksToEncode: 0 });
  });

  it('resolves dims this model does not offer to its width, and then changes nothing', () => {
    const tiny = { ...SERVING, modelChecksum: 'synthetic-tiny-1:bytes:900', dims: 32 };
    const plan = planReembed(
      facts({
        sets: [set(tiny, 50, true)],
        active: tiny,
        current: tiny,
        model: { dims: [32], hiddenSize: 32 },
        patch: { encoder: { dims: 256 } },
      }),
    );
    expect(plan).toMatchObject({ action: 'none', requestedDims: 256, dims: 32, modelDims: [32], changes: [] });
  });

  it('uses another precision’s speed when the new one was never measured, and says which', () => {
    const plan = planReembed(facts({ patch: { encoder: { precision: 'int8' } } }));
    expect(plan).toMatchObject({ action: 'encode', changes: ['precision'], chunksToEncode: 1000 });
    expect(plan.speed?.precision).toBe('fp32');
    const int8: EncodeSpeed = { ...FP32_SPEED, precision: 'int8', chunksPerSecond: 10 };
    expect(
      planReembed(facts({ patch: { encoder: { precision: 'int8' } }, speeds: { fp32: FP32_SPEED, int8 } })),
    ).toMatchObject({ estimatedSeconds: 100, speed: int8 });
  });

  it('has no time without any measured speed', () => {
    const plan = planReembed(facts({ speeds: {}, patch: { encoder: { instructionPrefix: false } } }));
    expect(plan).toMatchObject({
      action: 'encode',
      changes: ['instructionPrefix'],
      estimatedSeconds: null,
      speed: null,
    });
  });

  it('matches no stored set after a model folder change: its weights are unknown until loaded', () => {
    const plan = planReembed(facts({ patch: { model: { dir: '/media/usb/jina-v3' } } }));
    expect(plan).toMatchObject({ action: 'encode', changes: ['modelDir'], chunksToEncode: 1000 });
  });

  it('never reuses vectors of other weights of the same variant', () => {
    const replaced = { ...SERVING, modelChecksum: 'sha256:bbb', task: 'text-matching' as const };
    const plan = planReembed(
      facts({
        sets: [set(SERVING, 1000, true), set(replaced, 1000)],
        patch: { encoder: { passageTask: 'text-matching' } },
      }),
    );
    expect(plan).toMatchObject({ action: 'encode', reuse: null, chunksToEncode: 1000 });
  });

  it('counts every passage before any vector exists, with nothing serving', () => {
    const plan = planReembed(facts({ sets: [], active: null, current: null, patch: { encoder: { dims: 512 } } }));
    expect(plan).toMatchObject({ action: 'encode', serving: null, chunksToEncode: 1000 });
  });
});
