import { describe, expect, it } from 'vitest';

import { filtersToWhere } from '../../../../electron/engine/search/filters';

describe('search filters as SQL', () => {
  it('selects exactly the named files, in IN lists of bounded length OR-ed together', () => {
    expect(filtersToWhere({ files: ["/docs/it's.txt"] })).toBe(`path IN ('/docs/it''s.txt')`);
    const files = Array.from({ length: 1200 }, (_, i) => `/docs/${i}.txt`);
    const where = filtersToWhere({ files, types: ['txt'] }) ?? '';
    expect(where.match(/path IN \(/gu)).toHaveLength(3);
    expect(where).toMatch(/^\(path IN \(.*\) OR path IN \(.*\) OR path IN \(.*\)\) AND format IN \('txt'\)$/u);
    for (const file of [files[0], files[499], files[500], files[1199]]) expect(where).toContain(`'${file ?? ''}'`);
    expect(filtersToWhere({ files: [] })).toBeUndefined();
  });
});
