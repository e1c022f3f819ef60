import { describe, expect, it } from 'vitest';

import { checkWeights, chooseVectors } from '../../../electron/engine/search/choose-vectors';
import { filtersToWhere } from '../../../electron/engine/search/filters';
import { reciprocalRankFusion } from '../../../electron/engine/search/fusion';
import { QueryCache } from '../../../electron/engine/search/query-cache';
import type { Provenance } from '../../../electron/engine/store/types';
import { PolyseekError } from '../../../shared';

const base: Provenance = {
  modelId: 'jinaai/jina-embeddings-v3',
  modelChecksum: 'sha256:abc',
  precision: 'int8',
  task: 'retrieval.passage',
  prefix: true,
  dims: 1024,
  chunkerVersion: 1,
};

function refusal(work: () => unknown): PolyseekError {
  try {
    work();
  } catch (error) {
    if (error instanceof PolyseekError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('reciprocal-rank fusion', () => {
  it('adds weight / (k + rank) over lists and records each rank', () => {
    const fused = reciprocalRankFusion(
      [
        { ids: ['a', 'b', 'c'], weight: 1 },
        { ids: ['c', 'a'], weight: 1 },
      ],
      60,
    );
    expect(fused.map((f) => f.id)).toEqual(['a', 'c', 'b']);
    expect(fused[0]).toEqual({ id: 'a', score: 1 / 61 + 1 / 62, ranks: [1, 2] });
    expect(fused[1]).toEqual({ id: 'c', score: 1 / 63 + 1 / 61, ranks: [3, 1] });
    expect(fused[2]).toEqual({ id: 'b', score: 1 / 62, ranks: [2, null] });
  });

  it('weights move a list ahead; a zero weight keeps only its order as a tie-break', () => {
    const lists = (semantic: number, keyword: number) => [
      { ids: ['s1', 's2'], weight: semantic },
      { ids: ['k1', 'k2'], weight: keyword },
    ];
    expect(reciprocalRankFusion(lists(1, 3), 60).map((f) => f.id)).toEqual(['k1', 'k2', 's1', 's2']);
    expect(reciprocalRankFusion(lists(0, 1), 60).map((f) => f.id)).toEqual(['k1', 'k2', 's1', 's2']);
  });

  it('counts an id a list names twice once, and breaks ties deterministically', () => {
    const fused = reciprocalRankFusion(
      [
        { ids: ['x', 'x', 'y'], weight: 1 },
        { ids: ['y', 'x'], weight: 1 },
      ],
      10,
    );
    expect(fused.find((f) => f.id === 'x')?.ranks).toEqual([1, 2]);
    const tie = reciprocalRankFusion(
      [
        { ids: ['p'], weight: 1 },
        { ids: ['q'], weight: 1 },
      ],
      60,
    );
    expect(tie.map((f) => f.id)).toEqual(['p', 'q']);
  });
});

describe('filters → SQL pre-filter', () => {
  it('ANDs the filters and ORs the values, escaping every value', () => {
    expect(filtersToWhere(undefined)).toBeUndefined();
    expect(filtersToWhere({})).toBeUndefined();
    expect(
      filtersToWhere({
        roots: ["/home/o'neil"],
        folders: ['/home/a/docs', '/home/a/old/'],
        types: ['pdf', 'docx'],
        languages: ['ja'],
        modifiedAfter: '2020-01-01T00:00:00Z',
        modifiedBefore: '2021-01-01T00:00:00+01:00',
      }),
    ).toBe(
      "root IN ('/home/o''neil') AND (starts_with(path, '/home/a/docs/') OR starts_with(path, '/home/a/old/')) AND " +
        "format IN ('pdf', 'docx') AND language IN ('ja') AND mtime_ms >= 1577836800000 AND mtime_ms <= 1609455600000",
    );
  });

  it('a folder filter never matches a sibling that shares its prefix; Windows folders keep backslashes', () => {
    expect(filtersToWhere({ folders: ['/docs'] })).toBe("starts_with(path, '/docs/')");
    expect(filtersToWhere({ folders: ['C:\\Users\\ana'] })).toBe("starts_with(path, 'C:\\Users\\ana\\')");
  });

  it('refuses an empty date range with a clear message', () => {
    const error = refusal(() =>
      filtersToWhere({ modifiedAfter: '2022-01-01T00:00:00Z', modifiedBefore: '2021-01-01T00:00:00Z' }),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('empty');
  });
});

describe('choosing the vectors to search', () => {
  it('uses the active provenance, at its dims or fewer', () => {
    expect(chooseVectors([base], base, {})).toEqual({ source: base, dims: 1024 });
    expect(chooseVectors([base], base, { dims: 256 })).toEqual({ source: base, dims: 256 });
  });

  it('says there are no vectors yet when none exist', () => {
    expect(refusal(() => chooseVectors([], null, {})).code).toBe('NO_VECTORS');
  });

  it('refuses another adapter, naming both and the re-embed action', () => {
    const error = refusal(() => chooseVectors([base], base, { passageTask: 'text-matching' }));
    expect(error.code).toBe('PROVENANCE_MISMATCH');
    expect(error.message).toContain('retrieval.passage');
    expect(error.message).toContain('passage adapter to text-matching');
    expect(error.message).toMatch(/re-embed/i);
  });

  it('finds another adapter’s table when it exists (explore vectors beside retrieval ones)', () => {
    const matching = { ...base, task: 'text-matching' as const };
    expect(chooseVectors([base, matching], base, { passageTask: 'text-matching' }).source).toBe(matching);
  });

  it('serves more dims than the active table from a wider sibling, else refuses', () => {
    const narrow = { ...base, dims: 256 };
    expect(chooseVectors([narrow, base], narrow, { dims: 512 })).toEqual({ source: base, dims: 512 });
    const error = refusal(() => chooseVectors([narrow], narrow, { dims: 512 }));
    expect(error.code).toBe('PROVENANCE_MISMATCH');
    expect(error.message).toContain('256-dimensional');
    expect(error.message).toContain('dims to 512 or more');
  });

  it('refuses a query encoder of other weights, naming both checksums', () => {
    expect(() => checkWeights(base, 'sha256:abc', '/m')).not.toThrow();
    const error = refusal(() => checkWeights(base, 'sha256:def', '/models/jina'));
    expect(error.code).toBe('PROVENANCE_MISMATCH');
    expect(error.message).toContain('sha256:abc');
    expect(error.message).toContain('sha256:def');
    expect(error.message).toContain('/models/jina');
  });
});

describe('query cache', () => {
  it('evicts the least recently used entry', () => {
    const cache = new QueryCache(2);
    const v = (x: number) => new Float32Array([x]);
    cache.set('a', v(1));
    cache.set('b', v(2));
    expect(cache.get('a')?.[0]).toBe(1); // a is now the most recent
    cache.set('c', v(3));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.[0]).toBe(1);
    expect(cache.get('c')?.[0]).toBe(3);
    expect(QueryCache.key(['dir', true, 'q'])).not.toBe(QueryCache.key(['dir', false, 'q']));
  });
});
