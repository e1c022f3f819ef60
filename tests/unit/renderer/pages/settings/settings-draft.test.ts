import { describe, expect, it } from 'vitest';

import { parseThreads, patchFromDraft } from '../../../../../renderer/src/pages/settings/settings-draft';
import { DEFAULT_SETTINGS } from '../../../../../shared';

describe('patchFromDraft', () => {
  it('is null when nothing was touched or every edit equals the saved value', () => {
    expect(patchFromDraft(DEFAULT_SETTINGS, { encoder: {}, compute: {}, search: {} })).toBeNull();
    expect(
      patchFromDraft(DEFAULT_SETTINGS, {
        encoder: { dims: 1024 },
        compute: { provider: 'auto' },
        search: { mode: 'hybrid' },
      }),
    ).toBeNull();
  });

  it('sends only the fields that changed, section by section', () => {
    expect(
      patchFromDraft(DEFAULT_SETTINGS, { encoder: { dims: 256, precision: 'fp32' }, compute: {}, search: {} }),
    ).toEqual({
      encoder: { dims: 256 },
    });
    expect(patchFromDraft(DEFAULT_SETTINGS, { encoder: {}, compute: { threads: 4 }, search: {} })).toEqual({
      compute: { threads: 4 },
    });
  });

  it('compares the fusion weights by value and sends the search section', () => {
    const fusion = { ...DEFAULT_SETTINGS.search.fusion };
    expect(patchFromDraft(DEFAULT_SETTINGS, { encoder: {}, compute: {}, search: { fusion } })).toBeNull();
    expect(
      patchFromDraft(DEFAULT_SETTINGS, {
        encoder: {},
        compute: {},
        search: { binaryTier: true, fusion: { ...fusion, keywordWeight: 2 } },
      }),
    ).toEqual({ search: { binaryTier: true, fusion: { ...fusion, keywordWeight: 2 } } });
  });
});

describe('parseThreads', () => {
  it('accepts whole numbers from 0 to 256', () => {
    expect(parseThreads('0')).toEqual({ threads: 0 });
    expect(parseThreads(' 256 ')).toEqual({ threads: 256 });
  });

  it('explains what is wrong otherwise', () => {
    for (const text of ['', '-1', '2.5', 'four', '257']) expect(parseThreads(text)).toHaveProperty('error');
  });
});
