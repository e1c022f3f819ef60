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

describe('checkDraft: the Answers panel', () => {
  const draft = (change: Partial<SettingsDraft>): SettingsDraft => ({ ...EMPTY_DRAFT, ...change });

  it('sends a typed endpoint and model trimmed, and blank ones as null', () => {
    expect(
      checkDraft(
        DEFAULT_SETTINGS,
        draft({ answer: { baseUrl: ' http://127.0.0.1:11434/v1 ', model: ' llama3.1:8b ' } }),
      ),
    ).toEqual({ patch: { answer: { baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.1:8b' } }, errors: {} });
    const saved = {
      ...DEFAULT_SETTINGS,
      answer: { ...DEFAULT_SETTINGS.answer, baseUrl: 'http://127.0.0.1:8080/v1', model: 'qwen' },
    };
    expect(checkDraft(saved, draft({ answer: { baseUrl: '  ', model: '' } }))).toEqual({
      patch: { answer: { baseUrl: null, model: null } },
      errors: {},
    });
    expect(checkDraft(saved, draft({ answer: { baseUrl: 'http://127.0.0.1:8080/v1' } })).patch).toBeNull();
  });

  it('refuses what the contract refuses, in words for the field', () => {
    for (const baseUrl of ['localhost:11434', 'ftp://127.0.0.1/v1', 'not a url']) {
      expect(checkDraft(DEFAULT_SETTINGS, draft({ answer: { baseUrl } })).errors).toEqual({
        'answer.baseUrl': 'A web address starting with http:// or https://, such as http://127.0.0.1:11434/v1.',
      });
    }
    expect(checkDraft(DEFAULT_SETTINGS, draft({ answer: { model: 'm'.repeat(300) } })).errors).toEqual({
      'answer.model': 'At most 256 characters.',
    });
  });

  it('checks the numbers against the contract’s ranges', () => {
    expect(
      checkDraft(
        DEFAULT_SETTINGS,
        draft({
          numbers: {
            'answer.contextTokens': '8000',
            'answer.maxAnswerTokens': '512',
            'answer.temperature': '0.7',
            'answer.timeoutSeconds': '300',
          },
        }),
      ),
    ).toEqual({
      patch: { answer: { contextTokens: 8000, maxAnswerTokens: 512, temperature: 0.7, timeoutSeconds: 300 } },
      errors: {},
    });
    const errors = checkDraft(
      DEFAULT_SETTINGS,
      draft({
        numbers: {
          'answer.contextTokens': '100',
          'answer.maxAnswerTokens': '1.5',
          'answer.temperature': '2.5',
          'answer.timeoutSeconds': 'soon',
        },
      }),
    ).errors;
    expect(errors).toEqual({
      'answer.contextTokens': 'At least 256.',
      'answer.maxAnswerTokens': 'A whole number.',
      'answer.temperature': 'At most 2.',
      'answer.timeoutSeconds': 'A number.',
    });
  });

  it('agrees with settings.set on every answer value it refuses, and names only fields the form shows', () => {
    const local = checkDraft(
      DEFAULT_SETTINGS,
      draft({ answer: { baseUrl: 'localhost' }, numbers: { 'answer.temperature': '3' } }),
    );
    const parsed = parseUnknown(commands['settings.set'].input, local.patch);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const split = refusalByField(`settings.set: ${parsed.error.message}`, FORM_FIELDS);
    expect(Object.keys(split.errors).sort()).toEqual(['answer.baseUrl', 'answer.temperature']);
    expect(Object.keys(local.errors).sort()).toEqual(['answer.baseUrl', 'answer.temperature']);
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
