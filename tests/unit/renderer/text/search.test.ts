import { describe, expect, it } from 'vitest';

import {
  awaitingVectorsNotice,
  errorAdvice,
  formatLocation,
  languageName,
  locationBadge,
  resultSummary,
  searchFacts,
  semanticProblem,
} from '../../../../renderer/src/text/search';
import type { PassageLocation } from '../../../../shared';
import { file, result } from '../pages/search/search-fixtures';

const location = (over: Partial<PassageLocation>): PassageLocation => ({
  page: null,
  pageEnd: null,
  line: null,
  lineEnd: null,
  section: null,
  headings: [],
  ...over,
});

describe('locations', () => {
  it('says pages, lines, sections and headings the way people read them', () => {
    expect(formatLocation(location({ page: 3 }))).toBe('p. 3');
    expect(formatLocation(location({ page: 3, pageEnd: 4, headings: ['Intro', 'Scope'] }))).toBe(
      'pp. 3–4 · Intro › Scope',
    );
    expect(formatLocation(location({ line: 12, lineEnd: 20, section: 'Sheet1' }))).toBe('lines 12–20 · Sheet1');
    expect(locationBadge(location({ line: 7, lineEnd: 7 }))).toBe('line 7');
    expect(locationBadge(location({ section: 'Chapter 2' }))).toBeNull();
  });
});

describe('summaries', () => {
  it('counts files with plurals and says when only the best are shown', () => {
    expect(resultSummary(result({}))).toBe('No files match “rights”.');
    expect(resultSummary(result({ files: [file({})], totalFiles: 1 }))).toBe('1 file matches “rights”.');
    expect(resultSummary(result({ files: [file({}), file({ path: '/r/b' })], totalFiles: 40 }))).toBe(
      '40 files match “rights”; showing the best 2.',
    );
    expect(awaitingVectorsNotice(1)).toMatch(/^Semantic search cannot see 1 file yet: it has no vectors/);
    expect(awaitingVectorsNotice(3)).toMatch(/^Semantic search cannot see 3 files yet: they have/);
  });

  it('lists timings, dims, index and binary in the footer', () => {
    expect(searchFacts(result({}))).toEqual([
      '12 ms',
      'embed 1 ms (cached), vectors 3 ms, keyword 6 ms',
      '256 dims',
      'exact search',
      'query adapter retrieval.query',
    ]);
    const semantic = {
      ...result({}).semantic,
      dimsUsed: 1024,
      index: 'ann' as const,
      binary: true,
      queryCached: false,
    };
    expect(searchFacts(result({ mode: 'semantic', semantic }))).toEqual([
      '12 ms',
      'embed 1 ms, vectors 3 ms',
      '1024 dims (256 being prepared)',
      'ANN index',
      'binary first pass',
      'query adapter retrieval.query',
    ]);
    const off = { ...result({}).semantic, state: 'off' as const };
    expect(searchFacts(result({ mode: 'keyword', semantic: off }))).toEqual(['12 ms', 'keyword 6 ms', 'keyword only']);
  });

  it('names languages, keeping unknown codes', () => {
    expect(languageName('ja')).toBe('Japanese');
    expect(languageName('und')).toBe('Undetermined');
    expect(languageName('qqq')).toBe('qqq');
  });
});

describe('advice', () => {
  it('points each problem to the page that fixes it', () => {
    expect(errorAdvice('PROVENANCE_MISMATCH').link).toBe('reembed');
    expect(errorAdvice('MODEL_NOT_FOUND').link).toBe('models');
    expect(errorAdvice('ENGINE_UNAVAILABLE').link).toBeNull();
    expect(semanticProblem('LICENSE_NOT_ACCEPTED', 'hybrid')).toEqual({
      text: 'The results below come from keyword matching only.',
      link: 'settings',
    });
    expect(semanticProblem('PROVENANCE_MISMATCH', 'hybrid').link).toBe('reembed');
    expect(semanticProblem('MODEL_NOT_FOUND', 'semantic').text).toMatch(/switch to Hybrid or Keyword/);
  });
});
