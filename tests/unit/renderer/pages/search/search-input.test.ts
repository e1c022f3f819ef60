import { describe, expect, it } from 'vitest';

import {
  EMPTY_FILTERS,
  PASSAGES_PER_FILE,
  activeFilterCount,
  dayEnd,
  dayStart,
  debounceFor,
  filterProblems,
  toSearchInput,
  toggled,
} from '../../../../../renderer/src/pages/search/search-input';
import { SearchQueryInputSchema } from '../../../../../shared';

describe('toSearchInput', () => {
  it('is null for blank text, and sends trimmed text with mode, limit and passages per file', () => {
    expect(toSearchInput('   ', 'hybrid', EMPTY_FILTERS)).toBeNull();
    expect(toSearchInput('  人権 ', 'keyword', EMPTY_FILTERS)).toEqual({
      query: '人権',
      mode: 'keyword',
      limit: 20,
      perFile: PASSAGES_PER_FILE,
    });
  });

  it('maps every filter to the contract, and the contract accepts it', () => {
    const input = toSearchInput('rights', 'hybrid', {
      root: '/data/corpus',
      folder: '/data/corpus/udhr',
      types: ['xml', 'txt'],
      languages: ['ja', 'th'],
      modifiedFrom: '2024-03-01',
      modifiedTo: '2024-03-31',
      limit: 50,
    });
    expect(input?.filters).toEqual({
      roots: ['/data/corpus'],
      folders: ['/data/corpus/udhr'],
      types: ['xml', 'txt'],
      languages: ['ja', 'th'],
      modifiedAfter: new Date(2024, 2, 1).toISOString(),
      modifiedBefore: new Date(new Date(2024, 3, 1).getTime() - 1).toISOString(),
    });
    expect(input?.limit).toBe(50);
    expect(SearchQueryInputSchema.safeParse(input).success).toBe(true);
  });

  it('leaves out a filter with a problem (and values the contract refuses) instead of failing the query', () => {
    const filters = { ...EMPTY_FILTERS, folder: 'relative/path', modifiedFrom: '2024-05-02', modifiedTo: '2024-05-01' };
    expect(filterProblems(filters)).toEqual({
      folder: expect.stringContaining('absolute') as string,
      dates: 'The start date is after the end date.',
    });
    expect(toSearchInput('x', 'hybrid', filters)?.filters).toBeUndefined();
    expect(
      toSearchInput('x', 'hybrid', { ...EMPTY_FILTERS, types: ['PDF!'], languages: ['japanese'] })?.filters,
    ).toBeUndefined();
    expect(filterProblems({ ...EMPTY_FILTERS, modifiedFrom: '2024-05-01', modifiedTo: '2024-05-01' })).toEqual({});
  });

  it('counts active filters for the button', () => {
    expect(activeFilterCount(EMPTY_FILTERS)).toBe(0);
    expect(activeFilterCount({ ...EMPTY_FILTERS, types: ['pdf'], modifiedTo: '2024-01-01', limit: 100 })).toBe(2);
  });
});

describe('dates', () => {
  it('covers whole local days and rejects non-dates', () => {
    expect(dayStart('2024-02-29')?.getDate()).toBe(29);
    expect(dayStart('2023-02-29')).toBeNull();
    expect(dayStart('')).toBeNull();
    const end = dayEnd('2024-12-31');
    expect([end?.getFullYear(), end?.getMonth(), end?.getDate(), end?.getHours(), end?.getMilliseconds()]).toEqual([
      2024, 11, 31, 23, 999,
    ]);
  });
});

describe('debounceFor', () => {
  const base = { query: 'tea', mode: 'hybrid' as const, limit: 20 };
  it('waits while typing and runs clicks at once', () => {
    expect(debounceFor(null, base, 200)).toBe(200);
    expect(debounceFor(base, { ...base, query: 'team' }, 200)).toBe(200);
    expect(debounceFor(base, { ...base, mode: 'keyword' }, 200)).toBe(0);
    expect(debounceFor(base, { ...base, filters: { types: ['pdf'] } }, 200)).toBe(0);
    expect(debounceFor(base, { ...base, filters: { folders: ['/a'] } }, 200)).toBe(200);
  });
});

describe('toggled', () => {
  it('adds and removes a value once', () => {
    expect(toggled(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(toggled(['a', 'b'], 'a', false)).toEqual(['b']);
    expect(toggled(['a'], 'a', true)).toEqual(['a']);
  });
});
