import { describe, expect, it } from 'vitest';

import { variantChoice } from '../../../../../renderer/src/pages/settings/variant-choice';
import { PRECISIONS, type ModelFileStatus, type ModelStatus, type Precision } from '../../../../../shared';

const FILES: Record<Precision, string[]> = {
  fp32: ['onnx/model.onnx', 'onnx/model.onnx_data'],
  fp16: ['onnx/model_fp16.onnx'],
  int8: ['onnx/model_int8.onnx'],
};

function file(path: string, present: boolean): ModelFileStatus {
  return {
    path,
    variants: [],
    optional: false,
    bytes: present ? 100 : null,
    expectedBytes: null,
    expectedSha256: null,
    hashSource: null,
    note: '',
    check: present ? 'unchecked' : 'missing',
    sha256: null,
    checkedAt: null,
  };
}

/** A model folder holding `present` files; variants are complete when all their files are there. */
function status(present: readonly string[], synthetic: string | null = null): ModelStatus {
  const all = Object.values(FILES).flat();
  return {
    synthetic,
    files: all.map((path) => file(path, present.includes(path))),
    variants: PRECISIONS.map((variant) => ({
      variant,
      files: FILES[variant],
      complete: FILES[variant].every((path) => present.includes(path)),
      verified: false,
      origin: variant === 'int8' ? ('local' as const) : ('hub' as const),
      expectedBytes: null,
    })),
  } as Partial<ModelStatus> as ModelStatus;
}

describe('variantChoice', () => {
  it('offers the complete variants and lists the others with what they need', () => {
    expect(variantChoice(status([...FILES.fp32, ...FILES.int8]), 'fp32', 'fp32')).toEqual({
      offered: ['fp32', 'int8'],
      missing: ['fp16'],
    });
  });

  it('keeps the saved (or chosen) variant selectable even when it is not complete', () => {
    expect(variantChoice(status(FILES.fp32), 'fp16', 'fp16')).toEqual({
      offered: ['fp32', 'fp16'],
      missing: ['fp16', 'int8'],
    });
  });

  it('counts a synthetic stand-in’s graph file alone (its weights live inside it)', () => {
    expect(variantChoice(status(['onnx/model.onnx'], 'tiny'), 'fp32', 'fp32')).toEqual({
      offered: ['fp32'],
      missing: ['fp16', 'int8'],
    });
    expect(variantChoice(status(['onnx/model.onnx']), 'fp32', 'fp32').missing).toContain('fp32');
  });

  it('offers every variant while the model status is unknown', () => {
    expect(variantChoice(null, 'fp32', 'fp32')).toEqual({ offered: PRECISIONS, missing: [] });
  });
});
