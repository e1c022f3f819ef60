import { describe, expect, it } from 'vitest';

import {
  CHECK_LABELS,
  describeFileSource,
  formatEta,
  int8Selectable,
  jobShare,
  variantState,
} from '../../../../../renderer/src/pages/models/model-format';
import { formatBytes, type ModelFileStatus, type ModelStatus, type ModelVariantStatus } from '../../../../../shared';

const variant = (over: Partial<ModelVariantStatus>): ModelVariantStatus => ({
  variant: 'fp32',
  files: [],
  complete: false,
  verified: false,
  origin: 'hub',
  expectedBytes: null,
  ...over,
});

describe('Models page formatting', () => {
  it('formats sizes and times for people', () => {
    expect([formatBytes(964), formatBytes(17_082_756), formatBytes(2_291_339_168)]).toEqual([
      '964 B',
      '17.1 MB',
      '2.29 GB',
    ]);
    expect([formatEta(42), formatEta(192), formatEta(3900)]).toEqual(['42 s', '3 min 12 s', '1 h 05 min']);
  });

  it('says a hash is unknown until the first verified download records it', () => {
    expect(CHECK_LABELS['hash-unknown']).toBe('Hash unknown — recorded at the first verified download');
    const file = { hashSource: null, variants: [] } as unknown as ModelFileStatus;
    expect(describeFileSource(file)).toBe('no reference hash yet');
    expect(describeFileSource({ ...file, hashSource: 'recorded', variants: ['int8'] })).toBe(
      'hash recorded when it was made here',
    );
  });

  it('tells complete, verified and missing variants apart', () => {
    expect(variantState(variant({}))).toEqual({ label: 'Not complete', tone: 'muted' });
    expect(variantState(variant({ complete: true }))).toEqual({ label: 'Complete, not verified', tone: 'warning' });
    expect(variantState(variant({ complete: true, verified: true }))).toEqual({
      label: 'Complete, verified',
      tone: 'ok',
    });
  });

  it('offers int8 only once it exists and passed its check against fp32', () => {
    const status = (complete: boolean, passed: boolean | null) =>
      ({
        variants: [variant({ variant: 'int8', origin: 'local', complete })],
        int8: passed === null ? null : { passed },
      }) as unknown as ModelStatus;
    expect(int8Selectable(status(true, true))).toBe(true);
    expect(int8Selectable(status(true, false))).toBe(false);
    expect(int8Selectable(status(false, null))).toBe(false);
  });

  it('knows the share done only with a total', () => {
    expect(jobShare({ bytes: 50, total: 200 })).toBe(0.25);
    expect(jobShare({ bytes: 50, total: null })).toBeNull();
  });
});
