import { describe, expect, it } from 'vitest';

import { parseThreads, patchFromDraft } from '../../../../../renderer/src/pages/settings/settings-draft';
import { DEFAULT_SETTINGS } from '../../../../../shared';

describe('patchFromDraft', () => {
  it('is null when nothing was touched or every edit equals the saved value', () => {
    expect(patchFromDraft(DEFAULT_SETTINGS, { encoder: {}, compute: {} })).toBeNull();
    expect(patchFromDraft(DEFAULT_SETTINGS, { encoder: { dims: 1024 }, compute: { provider: 'auto' } })).toBeNull();
  });

  it('sends only the fields that changed, section by section', () => {
    expect(patchFromDraft(DEFAULT_SETTINGS, { encoder: { dims: 256, precision: 'fp32' }, compute: {} })).toEqual({
      encoder: { dims: 256 },
    });
    expect(patchFromDraft(DEFAULT_SETTINGS, { encoder: {}, compute: { threads: 4 } })).toEqual({
      compute: { threads: 4 },
    });
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
