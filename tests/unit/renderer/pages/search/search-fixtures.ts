import type { SearchFileHit, SearchResult } from '../../../../../shared';

/** A search hit for one file, with `over` replacing any field. */
export const file = (over: Partial<SearchFileHit>): SearchFileHit => ({
  path: '/r/a.txt',
  root: '/r',
  name: 'a.txt',
  format: 'txt',
  title: null,
  language: 'en',
  mtimeMs: 0,
  score: 0.03,
  passages: [],
  matchedPassages: 1,
  awaitingVectors: false,
  ...over,
});

/** A search answer, with `over` replacing any field. */
export const result = (over: Partial<SearchResult>): SearchResult => ({
  query: 'rights',
  mode: 'hybrid',
  files: [],
  totalFiles: 0,
  semantic: {
    state: 'used',
    problem: null,
    provenance: null,
    queryTask: 'retrieval.query',
    dimsRequested: 256,
    dimsUsed: 256,
    derive: null,
    index: 'exact',
    binary: false,
    filesAwaitingVectors: 0,
    queryCached: true,
  },
  timings: { embedMs: 1.2, vectorMs: 3.4, keywordMs: 5.6, totalMs: 12.4 },
  ...over,
});
