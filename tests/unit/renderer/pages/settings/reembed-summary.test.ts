import { describe, expect, it } from 'vitest';

import {
  SAMPLE_PASSAGES,
  describePlan,
  dimsRows,
  startsWork,
  vectorSetBytes,
} from '../../../../../renderer/src/pages/settings/reembed-summary';
import { MATRYOSHKA_DIMS, MODEL_ID, type IndexProvenance, type ReembedPlan } from '../../../../../shared';

const SERVING: IndexProvenance = {
  modelId: MODEL_ID,
  modelChecksum: 'sha256:aaa',
  precision: 'fp32',
  task: 'retrieval.passage',
  prefix: true,
  dims: 1024,
  chunkerVersion: 3,
};

function plan(change: Partial<ReembedPlan>): ReembedPlan {
  return {
    action: 'none',
    changes: [],
    requestedDims: 1024,
    dims: 1024,
    modelDims: [...MATRYOSHKA_DIMS],
    serving: SERVING,
    reuse: null,
    deriveFrom: null,
    chunks: 1200,
    files: 40,
    chunksReady: 0,
    chunksToDerive: 0,
    chunksToEncode: 0,
    newSetBytes: 0,
    estimatedSeconds: null,
    speed: {
      precision: 'fp32',
      chunksPerSecond: 4,
      tokensPerSecond: 1234.4,
      chunks: 400,
      seconds: 100,
      measuredAt: '2026-01-01T00:00:00.000Z',
    },
    ...change,
  };
}

describe('vectorSetBytes', () => {
  it('counts float32 values and one code bit per dim, rounded up to bytes, as index.status does', () => {
    expect(vectorSetBytes(1000, 1024)).toEqual({ floats: 4_096_000, codes: 128_000 });
    expect(vectorSetBytes(3, 32)).toEqual({ floats: 384, codes: 12 });
    expect(vectorSetBytes(0, 256)).toEqual({ floats: 0, codes: 0 });
  });
});

describe('dimsRows', () => {
  it('says for every size what it costs and how the index gets there', () => {
    const plans = new Map<number, ReembedPlan>([
      [1024, plan({})],
      [256, plan({ action: 'derive', changes: ['dims'], dims: 256, requestedDims: 256, deriveFrom: SERVING })],
    ]);
    expect(dimsRows(plans, [256, 1024, 64])).toEqual([
      {
        dims: 256,
        stored: 256,
        floats: 1200 * 256 * 4,
        codes: 1200 * 32,
        state: 'Derived from the stored 1,024-dim vectors, no encoder',
      },
      { dims: 1024, stored: 1024, floats: 1200 * 1024 * 4, codes: 1200 * 128, state: 'Serving searches now' },
    ]);
  });

  it('marks sizes beyond a narrow model’s width, and uses a sample count for an empty index', () => {
    const tiny = plan({ chunks: 0, dims: 32, requestedDims: 256, modelDims: [32], serving: null });
    const [row] = dimsRows(new Map([[256, tiny]]), [256]);
    expect(row).toMatchObject({
      stored: 32,
      floats: SAMPLE_PASSAGES * 32 * 4,
      state: 'This model stores 32 (its width)',
    });
  });

  it('costs nothing on an empty index, and the saved size is just the current setting', () => {
    const rows = dimsRows(
      new Map([
        [1024, plan({ chunks: 0, serving: null })],
        [256, plan({ action: 'encode', changes: ['dims'], dims: 256, requestedDims: 256, chunks: 0, serving: null })],
      ]),
      [256, 1024],
    );
    expect(rows.map((r) => r.state)).toEqual(['No cost now: nothing is indexed yet', 'The current setting']);
  });

  it('names re-embedding and stored sets', () => {
    const rows = dimsRows(
      new Map([
        [512, plan({ action: 'encode', changes: ['dims'], dims: 512, requestedDims: 512 })],
        [768, plan({ action: 'reuse', changes: ['dims'], dims: 768, requestedDims: 768 })],
      ]),
      [512, 768],
    );
    expect(rows.map((r) => r.state)).toEqual(['Re-embeds every passage', 'Stored: switches at once']);
  });
});

describe('describePlan', () => {
  it('states the passages, the time at the measured speed, and that the current vectors keep serving', () => {
    const lines = describePlan(
      plan({ action: 'encode', changes: ['passageTask'], chunksToEncode: 1200, newSetBytes: 5_068_800 }),
      'fp32',
    );
    expect(lines[0]).toBe(
      '1,200 passages will be re-embedded — about 5 min 00 s at the last measured speed; the current vectors keep serving until then.',
    );
    expect(lines).toContain('Changed: passage adapter.');
    expect(lines).toContain('The new vectors take 5.07 MB (1,024 dims), stored beside the current ones.');
    expect(lines).toContain('Measured speed: 4 passages/s (1,234 tokens/s) with fp32.');
  });

  it('says when the speed was measured with another variant', () => {
    const lines = describePlan(plan({ action: 'encode', changes: ['precision'], chunksToEncode: 1200 }), 'int8');
    expect(lines.at(-1)).toBe(
      'It was measured with fp32; int8 runs at another speed (int8 is about 2.4× fp32 on CPU).',
    );
  });

  it('gives no time without a measured speed, and never a made-up one', () => {
    const [first] = describePlan(
      plan({ action: 'encode', changes: ['instructionPrefix'], chunksToEncode: 10, speed: null }),
      'fp32',
    );
    expect(first).toContain('no speed has been measured on this machine yet');
    expect(first).not.toMatch(/about \d/);
  });

  it('explains fewer dims as derived without the encoder, plus any passages left to encode', () => {
    const lines = describePlan(
      plan({
        action: 'derive',
        changes: ['dims'],
        dims: 256,
        deriveFrom: SERVING,
        chunksToDerive: 1100,
        chunksToEncode: 100,
      }),
      'fp32',
    );
    expect(lines[0]).toBe(
      '1,100 passages get 256-dim vectors derived from the stored 1,024-dim ones, without the encoder (seconds, not a re-embed); the current vectors keep serving until then.',
    );
    expect(lines[1]).toBe('100 passages indexed since lack them and will be encoded — about 25 s.');
  });

  it('says a dims setting beyond the model’s width changes nothing; says nothing for other no-ops', () => {
    expect(describePlan(plan({ requestedDims: 256, dims: 32 }), 'fp32')).toEqual([
      'This model stores at most 32 dims, so 256 gives the vectors it makes now: nothing to re-embed.',
    ]);
    expect(describePlan(plan({}), 'fp32')).toEqual([]);
  });

  it('talks about first vectors when none serve, and about nothing to do for an empty index', () => {
    const [first] = describePlan(
      plan({ action: 'encode', changes: ['dims'], serving: null, chunksToEncode: 8 }),
      'fp32',
    );
    expect(first).toMatch(/^No vectors yet: 8 passages get vectors/);
    expect(describePlan(plan({ action: 'encode', changes: ['dims'], chunks: 0 }), 'fp32')[0]).toMatch(
      /^Nothing is indexed yet/,
    );
  });
});

describe('startsWork', () => {
  it('is true when saving schedules background work on a non-empty index', () => {
    expect(startsWork(plan({ action: 'encode', changes: ['dims'] }))).toBe(true);
    expect(startsWork(plan({ action: 'derive', changes: ['dims'] }))).toBe(true);
    expect(startsWork(plan({}))).toBe(false);
    expect(startsWork(plan({ action: 'encode', chunks: 0 }))).toBe(false);
    expect(startsWork(null)).toBe(false);
  });
});
