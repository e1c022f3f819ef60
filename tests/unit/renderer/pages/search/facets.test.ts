import { describe, expect, it } from 'vitest';

import { INITIAL_FACETS, choices, withResult } from '../../../../../renderer/src/pages/search/facets';
import { servedFileUrl } from '../../../../../renderer/src/pages/search/open-in-tab';
import { file, result } from './search-fixtures';

describe('facets', () => {
  it('adds the types and languages results show, without und, and keeps selections', () => {
    const seen = withResult(
      INITIAL_FACETS,
      result({ files: [file({ format: 'xml', language: 'th' }), file({ format: 'pdf', language: 'und' })] }),
    );
    expect(seen.types).toContain('xml');
    expect(seen.languages).toEqual(['th']);
    expect(withResult(seen, result({ files: [file({ format: 'xml', language: 'th' })] }))).toBe(seen);
    expect(choices(['th'], ['ja', 'th'])).toEqual(['ja', 'th']);
  });
});

describe('servedFileUrl', () => {
  const page = 'http://192.168.1.5:4173/#/search';
  it('resolves a relative URL on this origin and refuses any other origin', () => {
    expect(servedFileUrl('/api/file?path=%2Fa.pdf&ticket=x#page=3', page)?.href).toBe(
      'http://192.168.1.5:4173/api/file?path=%2Fa.pdf&ticket=x#page=3',
    );
    expect(servedFileUrl('http://evil.example/api/file', page)).toBeNull();
    expect(servedFileUrl('http://[bad', page)).toBeNull();
  });
});
