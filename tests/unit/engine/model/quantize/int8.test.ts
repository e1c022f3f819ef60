import { describe, expect, it } from 'vitest';

import {
  accumulateColumnAbsMax,
  INT8_MAX,
  NonFiniteWeightError,
  quantizeColumns,
  quantizeRows,
  scalesFromAbsMax,
} from '../../../../../electron/engine/model/quantize/int8';

// 3 rows × 2 columns, row-major.
const W = Float32Array.from([0.6, -0.013, -1, 0.02, 0.25, 0]);

describe('int8 kernels', () => {
  it('scales each column by its own max |w| and maps it to ±127', () => {
    const absMax = new Float32Array(2);
    accumulateColumnAbsMax(W.subarray(0, 2), 2, absMax); // chunks accumulate
    accumulateColumnAbsMax(W.subarray(2), 2, absMax);
    expect(Array.from(absMax)).toEqual([1, Math.fround(0.02)]);
    const scales = scalesFromAbsMax(absMax);
    const codes = new Int8Array(6);
    quantizeColumns(W, scales, codes);
    expect(Array.from(codes)).toEqual([76, -83, -127, 127, 32, 0]);
    for (const [i, w] of W.entries()) {
      const scale = scales[i % 2] ?? 0;
      expect(Math.abs((codes[i] ?? 0) * scale - w)).toBeLessThanOrEqual(scale / 2 + 1e-9);
    }
  });

  it('narrows codes to ±63 for 7-bit weights', () => {
    const scales = scalesFromAbsMax(Float32Array.from([1, 0.02]), 63);
    const codes = new Int8Array(6);
    quantizeColumns(W, scales, codes, 63);
    expect(Array.from(codes)).toEqual([38, -41, -63, 63, 16, 0]);
  });

  it('quantizes rows symmetrically with one scale per row', () => {
    const codes = new Int8Array(6);
    const scales = new Float32Array(3);
    quantizeRows(W, 2, codes, scales);
    expect(Array.from(scales)).toEqual([0.6, 1, 0.25].map((m) => Math.fround(Math.fround(m) / INT8_MAX)));
    expect(Array.from(codes)).toEqual([127, -3, -127, 3, 127, 0]);
    // Exact halves round away from zero, so -w gets exactly the opposite codes of w.
    const halves = Float32Array.from([127, 63.5, -63.5, 0.5, -0.5, -127]);
    const [up, down] = [new Int8Array(6), new Int8Array(6)];
    quantizeRows(halves, 6, up, new Float32Array(1));
    quantizeRows(
      halves.map((w) => -w),
      6,
      down,
      new Float32Array(1),
    );
    expect(Array.from(up)).toEqual([127, 64, -64, 1, -1, -127]);
    expect(Array.from(down)).toEqual(Array.from(up, (c) => -c));
  });

  it('gives an all-zero column or row scale 1 and codes 0', () => {
    expect(Array.from(scalesFromAbsMax(new Float32Array([0, 2])))).toEqual([1, Math.fround(2 / 127)]);
    const scales = new Float32Array(1);
    const codes = new Int8Array(3);
    quantizeRows(new Float32Array(3), 3, codes, scales);
    expect([...scales, ...codes]).toEqual([1, 0, 0, 0]);
  });

  it('refuses NaN and infinite weights', () => {
    expect(() => accumulateColumnAbsMax(Float32Array.from([1, NaN]), 2, new Float32Array(2))).toThrow(
      NonFiniteWeightError,
    );
    expect(() => quantizeRows(Float32Array.from([Infinity, 1]), 2, new Int8Array(2), new Float32Array(1))).toThrow(
      NonFiniteWeightError,
    );
  });
});
