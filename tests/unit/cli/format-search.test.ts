import { describe, expect, it } from 'vitest';

import { highlightStyle, parseDateBound, searchInput } from '../../../electron/cli/commands/search';
import { formatLocation, formatSearchResult, formatSemantic, formatSnippet } from '../../../electron/cli/format-search';
import { makeSnippet } from '../../../electron/engine/search/snippets';
import {
  SearchResultSchema,
  type SearchFileHit,
  type SearchPassage,
  type SearchResult,
  type SemanticReport,
} from '../../../shared';
import { captureIo } from '../../fixtures/cli-io';

const BOLD = '\u001b[1m';
const NORMAL = '\u001b[22m';

const location = (patch: Partial<SearchPassage['location']> = {}): SearchPassage['location'] => ({
  page: null,
  pageEnd: null,
  line: null,
  lineEnd: null,
  section: null,
  headings: [],
  ...patch,
});

function passage(text: string, query: string, patch: Partial<SearchPassage> = {}): SearchPassage {
  return {
    chunkId: 'c1',
    ordinal: 0,
    snippet: makeSnippet(text, query),
    location: location(),
    language: 'en',
    score: 0.03,
    similarity: 0.8,
    semanticRank: 1,
    keywordRank: 1,
    ...patch,
  };
}

function file(patch: Partial<SearchFileHit> = {}): SearchFileHit {
  return {
    path: '/docs/report.pdf',
    root: '/docs',
    name: 'report.pdf',
    format: 'pdf',
    title: null,
    language: 'ja',
    mtimeMs: 0,
    score: 0.03,
    passages: [],
    matchedPassages: 1,
    awaitingVectors: false,
    ...patch,
  };
}

const semantic = (patch: Partial<SemanticReport> = {}): SemanticReport => ({
  state: 'used',
  problem: null,
  provenance: null,
  queryTask: 'retrieval.query',
  dimsRequested: null,
  dimsUsed: 1024,
  derive: null,
  index: 'exact',
  binary: false,
  filesAwaitingVectors: 0,
  queryCached: false,
  ...patch,
});

function result(files: SearchFileHit[], patch: Partial<SearchResult> = {}): SearchResult {
  return SearchResultSchema.parse({
    query: '東京',
    mode: 'hybrid',
    files,
    totalFiles: files.length,
    semantic: semantic(),
    timings: { embedMs: 5, vectorMs: 2, keywordMs: 3, totalMs: 12.4 },
    ...patch,
  });
}

describe('formatSnippet', () => {
  const snippet = makeSnippet('私は東京に住んでいます。', '東京');

  it('bolds highlights with ANSI on a terminal, at the right offsets in Japanese', () => {
    expect(formatSnippet(snippet, { highlight: 'ansi' })).toBe(`私は${BOLD}東京${NORMAL}に住んでいます。`);
  });

  it('leaves the text unmarked elsewhere, with ellipses for cuts', () => {
    expect(formatSnippet(snippet, { highlight: 'plain' })).toBe('私は東京に住んでいます。');
    expect(formatSnippet({ ...snippet, cutStart: true, cutEnd: true }, { highlight: 'plain' })).toBe(
      '…私は東京に住んでいます。…',
    );
  });

  it('neutralises control characters and bidi overrides a document could carry, keeping offsets', () => {
    const hostile = makeSnippet('evil\u001b]0;pwned\u0007 text \u202Eabc tokyo', 'tokyo');
    const shown = formatSnippet(hostile, { highlight: 'ansi' });
    expect(shown).toBe(`evil\ufffd]0;pwned\ufffd text \ufffdabc ${BOLD}tokyo${NORMAL}`);
  });
});

describe('formatLocation', () => {
  it('says pages, lines or the section', () => {
    expect(formatLocation(location({ page: 3, pageEnd: 3 }))).toBe('p. 3');
    expect(formatLocation(location({ page: 3, pageEnd: 4 }))).toBe('pp. 3–4');
    expect(formatLocation(location({ line: 12, lineEnd: 18 }))).toBe('lines 12–18');
    expect(formatLocation(location({ line: 7 }))).toBe('line 7');
    expect(formatLocation(location({ section: 'Sheet1' }))).toBe('Sheet1');
    expect(formatLocation(location())).toBeNull();
  });
});

describe('formatSearchResult', () => {
  it('lists files with rank, name, badges, path, snippets, more passages, then totals and semantic state', () => {
    const best = passage('東京は日本の首都です。', '東京', { location: location({ page: 3, pageEnd: 3 }) });
    const second = passage('東京タワーは高い。', '東京', { location: location({ page: 9, pageEnd: 9 }) });
    const awaiting = file({
      path: '/docs/notes.md',
      name: 'notes.md',
      format: 'md',
      language: null,
      passages: [passage('Notes about 東京.', '東京', { language: 'en', location: location({ line: 4 }) })],
      awaitingVectors: true,
    });
    const text = formatSearchResult(
      result([file({ passages: [best, second], matchedPassages: 5 }), awaiting], {
        totalFiles: 7,
        semantic: semantic({ filesAwaitingVectors: 1 }),
      }),
      { highlight: 'plain' },
    );
    expect(text).toBe(
      [
        '1. report.pdf  [pdf · ja · p. 3]',
        '   /docs/report.pdf',
        '   東京は日本の首都です。',
        '   (p. 9) 東京タワーは高い。',
        '   + 3 more matching passages (--per-file)',
        '',
        '2. notes.md  [md · en · line 4 · awaiting vectors]',
        '   /docs/notes.md',
        '   Notes about 東京.',
        '',
        '2 of 7 files (hybrid, 12 ms)',
        'semantic: 1024 dims, exact; 1 file still awaiting vectors (found by keyword only)',
      ].join('\n'),
    );
  });

  it('says when nothing was found', () => {
    expect(formatSearchResult(result([]), { highlight: 'ansi' })).toBe(
      'no results for "東京" (hybrid)\nsemantic: 1024 dims, exact',
    );
  });
});

describe('formatSemantic', () => {
  it('explains why meaning was not used, and what is still being prepared', () => {
    expect(formatSemantic(semantic({ state: 'off', dimsUsed: null, index: null }))).toBe(
      'semantic: off (keyword mode)',
    );
    expect(
      formatSemantic(
        semantic({
          state: 'unavailable',
          problem: { code: 'LICENSE_NOT_ACCEPTED', message: 'accept the licence first' },
          filesAwaitingVectors: 3,
        }),
      ),
    ).toBe(
      'semantic: unavailable, keyword results only — LICENSE_NOT_ACCEPTED: accept the licence first; 3 files still awaiting vectors (found by keyword only)',
    );
    expect(
      formatSemantic(
        semantic({
          dimsRequested: 256,
          dimsUsed: 1024,
          index: 'ann',
          binary: true,
          queryCached: true,
          derive: { dims: 256, done: 10, total: 40, state: 'running' },
        }),
      ),
    ).toBe(
      'semantic: 1024 dims, ANN index, binary first pass, query from cache; 256 dims asked: vectors being derived (running, 10/40)',
    );
  });
});

describe('search options', () => {
  it('reads a bare day as a whole local day, inclusive', () => {
    const start = new Date(parseDateBound('2024-05-01', 'start'));
    expect([start.getFullYear(), start.getMonth(), start.getDate(), start.getHours()]).toEqual([2024, 4, 1, 0]);
    const end = new Date(parseDateBound('2024-05-31', 'end'));
    expect([end.getDate(), end.getHours(), end.getMinutes(), end.getMilliseconds()]).toEqual([31, 23, 59, 999]);
    expect(parseDateBound('2024-05-31T12:00:00+02:00', 'end')).toBe('2024-05-31T10:00:00.000Z');
    expect(() => parseDateBound('last tuesday', 'start')).toThrow(/a date such as/);
  });

  it('builds the contract input, leaving out what was not given', () => {
    expect(searchInput('q', {})).toEqual({ query: 'q' });
    expect(
      searchInput('東京', {
        mode: 'keyword',
        lang: ['ja'],
        type: ['pdf', 'docx'],
        root: ['/docs'],
        limit: 5,
        perFile: 1,
        dims: 256,
        queryAdapter: 'retrieval.query',
        binary: false,
      }),
    ).toEqual({
      query: '東京',
      mode: 'keyword',
      filters: { roots: ['/docs'], types: ['pdf', 'docx'], languages: ['ja'] },
      limit: 5,
      perFile: 1,
      dims: 256,
      adapters: { query: 'retrieval.query' },
      binary: false,
    });
  });

  it('bolds only on a terminal that wants colour', () => {
    expect(highlightStyle({ ...captureIo(), stdoutIsTty: true })).toBe('ansi');
    expect(highlightStyle(captureIo())).toBe('plain');
    expect(highlightStyle({ ...captureIo({ env: { NO_COLOR: '1' } }), stdoutIsTty: true })).toBe('plain');
    expect(highlightStyle({ ...captureIo({ env: { TERM: 'dumb' } }), stdoutIsTty: true })).toBe('plain');
  });
});
