import { describe, expect, it } from 'vitest';

import { paddingWaste, planBatches } from '../../../../electron/engine/encoder/batching';

describe('planBatches', () => {
  it('covers every input exactly once and keeps each batch within the token budget', () => {
    const lengths = Array.from({ length: 200 }, (_, i) => 20 + ((i * 7919) % 493));
    const batches = planBatches(lengths, { tokenBudget: 4096, maxBatchSize: 32 });
    const seen = batches.flatMap((b) => b.indices).sort((a, b) => a - b);
    expect(seen).toEqual(lengths.map((_, i) => i));
    for (const batch of batches) {
      expect(batch.indices.length).toBeLessThanOrEqual(32);
      expect(batch.paddedLength).toBe(Math.max(...batch.indices.map((i) => lengths[i] ?? 0)));
      if (batch.indices.length > 1) expect(batch.paddedLength * batch.indices.length).toBeLessThanOrEqual(4096);
    }
  });

  it('sorts by length so padding waste stays small on a mixed corpus', () => {
    const lengths = Array.from({ length: 500 }, (_, i) => 20 + ((i * 104729) % 493));
    const naive = Array.from({ length: Math.ceil(500 / 16) }, (_, b) => {
      const indices = lengths.map((_, i) => i).slice(b * 16, b * 16 + 16);
      return { indices, paddedLength: Math.max(...indices.map((i) => lengths[i] ?? 0)) };
    });
    const bucketed = planBatches(lengths, { tokenBudget: 16 * 512 });
    expect(paddingWaste(lengths, bucketed)).toBeLessThan(0.05);
    expect(paddingWaste(lengths, naive)).toBeGreaterThan(0.3);
  });

  it('runs a sequence longer than the budget alone', () => {
    const batches = planBatches([10, 9000, 12, 11], { tokenBudget: 100 });
    expect(batches.find((b) => b.indices.includes(1))).toEqual({ indices: [1], paddedLength: 9000 });
  });

  it('keeps input order among equal lengths and handles empty input', () => {
    expect(planBatches([5, 5, 5], { tokenBudget: 100 })).toEqual([{ indices: [0, 1, 2], paddedLength: 5 }]);
    expect(planBatches([])).toEqual([]);
    expect(() => planBatches([1], { tokenBudget: 0 })).toThrow(RangeError);
  });
});

describe('planBatches in input order (the naive baseline)', () => {
  it('keeps the caller’s order and pads each batch to its longest member', () => {
    const batches = planBatches([5, 300, 7, 9], {
      order: 'input',
      maxBatchSize: 2,
      tokenBudget: Infinity,
      maxLengthSpread: Infinity,
    });
    expect(batches).toEqual([
      { indices: [0, 1], paddedLength: 300 },
      { indices: [2, 3], paddedLength: 9 },
    ]);
  });
});
