import { describe, expect, it } from 'vitest';

import {
  EMPTY_DRAFT,
  FORM_FIELDS,
  checkDraft,
  patchFromDraft,
  refusalByField,
  type SettingsDraft,
} from '../../../../../renderer/src/pages/settings/settings-draft';
import { DEFAULT_SETTINGS, commands, parseUnknown } from '../../../../../shared';

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

describe('checkDraft: every field validated by the contract', () => {
  const draft = (change: Partial<SettingsDraft>): SettingsDraft => ({ ...EMPTY_DRAFT, ...change });

  it('turns typed numbers into the patch when the contract accepts them', () => {
    expect(checkDraft(DEFAULT_SETTINGS, draft({ numbers: { 'compute.threads': ' 4 ' } }))).toEqual({
      patch: { compute: { threads: 4 } },
      errors: {},
    });
    expect(
      checkDraft(
        DEFAULT_SETTINGS,
        draft({ numbers: { 'search.fusion.k': '30', 'search.fusion.keywordWeight': '1.5' } }),
      ),
    ).toEqual({
      patch: { search: { fusion: { semanticWeight: 1, keywordWeight: 1.5, k: 30 } } },
      errors: {},
    });
  });

  it('names the field and says why, in the words of each contract rule', () => {
    expect(checkDraft(DEFAULT_SETTINGS, draft({ numbers: { 'compute.threads': '300' } })).errors).toEqual({
      'compute.threads': 'At most 256.',
    });
    expect(checkDraft(DEFAULT_SETTINGS, draft({ numbers: { 'compute.threads': '2.5' } })).errors).toEqual({
      'compute.threads': 'A whole number.',
    });
    expect(checkDraft(DEFAULT_SETTINGS, draft({ numbers: { 'compute.threads': '-1' } })).errors).toEqual({
      'compute.threads': 'At least 0.',
    });
    expect(checkDraft(DEFAULT_SETTINGS, draft({ numbers: { 'search.fusion.semanticWeight': '11' } })).errors).toEqual({
      'search.fusion.semanticWeight': 'At most 10.',
    });
    expect(checkDraft(DEFAULT_SETTINGS, draft({ numbers: { 'search.fusion.k': '0' } })).errors).toEqual({
      'search.fusion.k': 'At least 1.',
    });
  });

  it('refuses text that is not a number before the contract sees it', () => {
    for (const text of ['', '  ', 'four']) {
      expect(checkDraft(DEFAULT_SETTINGS, draft({ numbers: { 'compute.threads': text } })).errors).toEqual({
        'compute.threads': 'A number.',
      });
    }
  });

  it('agrees with the contract the engine applies, for every value it refuses', () => {
    for (const threads of ['300', '2.5', '-1']) {
      const local = checkDraft(DEFAULT_SETTINGS, draft({ numbers: { 'compute.threads': threads } }));
      expect(Object.keys(local.errors)).toEqual(['compute.threads']);
      expect(parseUnknown(commands['settings.set'].input, local.patch).ok).toBe(false);
    }
  });
});

describe('refusalByField', () => {
  it('puts each part of a settings.set refusal beside the field it names', () => {
    const message =
      'settings.set: compute.threads: Too big: expected number to be <=256; encoder.dims: Invalid input; surprise: Unrecognized key';
    expect(refusalByField(message, FORM_FIELDS)).toEqual({
      errors: { 'compute.threads': 'Too big: expected number to be <=256.', 'encoder.dims': 'Invalid input.' },
      rest: 'surprise: Unrecognized key',
    });
  });

  it('keeps a message that names no field whole', () => {
    expect(refusalByField('settings.set: (input): Expected object', FORM_FIELDS)).toEqual({
      errors: {},
      rest: '(input): Expected object',
    });
  });

  it('matches what the dispatcher really sends', () => {
    const parsed = parseUnknown(commands['settings.set'].input, {
      compute: { threads: 999 },
      search: { mode: 'fuzzy' },
    });
    if (parsed.ok) throw new Error('the contract accepted an invalid patch');
    const split = refusalByField(`settings.set: ${parsed.error.message}`, FORM_FIELDS);
    expect(Object.keys(split.errors).sort()).toEqual(['compute.threads', 'search.mode']);
    expect(split.rest).toBeNull();
  });
});
