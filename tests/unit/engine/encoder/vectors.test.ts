import { describe, expect, it } from 'vitest';

import { truncateKeepingEos } from '../../../../electron/engine/encoder/truncate';
import { binaryCode, cosine, meanPool, truncateAndNormalize } from '../../../../electron/engine/encoder/vectors';

describe('meanPool', () => {
  it('averages only unmasked positions', () => {
    // batch 2, seq 3, hidden 2
    const states = Float32Array.from([1, 2, 3, 4, 100, 100, 5, 6, 7, 8, 9, 10]);
    const mask = BigInt64Array.from([1n, 1n, 0n, 1n, 1n, 1n]);
    const [a, b] = meanPool(states, mask, 2, 3, 2);
    expect(Array.from(a ?? [])).toEqual([2, 3]);
    expect(Array.from(b ?? [])).toEqual([7, 8]);
  });

  it('refuses a shape that does not match the data', () => {
    expect(() => meanPool(new Float32Array(5), [1], 1, 3, 2)).toThrow(RangeError);
  });
});

describe('truncateAndNormalize', () => {
  it('truncates first, then normalizes to unit length', () => {
    const v = Float32Array.from([3, 4, 100, -100]);
    expect(Array.from(truncateAndNormalize(v, 2))).toEqual([0.6000000238418579, 0.800000011920929]);
    const full = truncateAndNormalize(v, 4);
    expect(Math.hypot(...full)).toBeCloseTo(1, 6);
    expect(() => truncateAndNormalize(v, 5)).toThrow(RangeError);
  });
});

describe('binaryCode', () => {
  it('packs sign bits most significant first', () => {
    const v = Float32Array.from([1, -1, 0, 2, -3, 4, 5, -6, 7]);
    expect(Array.from(binaryCode(v))).toEqual([0b10010110, 0b10000000]);
  });
});

describe('cosine', () => {
  it('is 1 for parallel vectors and 0 for orthogonal ones', () => {
    expect(cosine(Float32Array.from([1, 2]), Float32Array.from([2, 4]))).toBeCloseTo(1, 10);
    expect(cosine(Float32Array.from([1, 0]), Float32Array.from([0, 3]))).toBe(0);
  });
});

describe('truncateKeepingEos', () => {
  it('keeps the closing token when cutting', () => {
    expect(truncateKeepingEos([0, 5, 6, 7, 8, 2], 4, 2)).toEqual({ ids: [0, 5, 6, 2], truncated: true });
    expect(truncateKeepingEos([0, 5, 2], 4, 2)).toEqual({ ids: [0, 5, 2], truncated: false });
  });
});
