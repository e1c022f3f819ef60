import { describe, expect, it } from 'vitest';

import {
  citationOf,
  documentParts,
  selectPassages,
  withoutOverlap,
  type Candidate,
} from '../../../../electron/engine/answer/context-pack';
import type { StoredChunk } from '../../../../electron/engine/store/types';

function chunk(path: string, ordinal: number, text: string, extra: Partial<StoredChunk> = {}): StoredChunk {
  return {
    id: `${path}#${ordinal}`,
    path,
    root: '/docs',
    hash: 'h',
    format: 'pdf',
    mtimeMs: 0,
    ordinal,
    text,
    tokens: Math.ceil(text.length / 4),
    location: { page: ordinal + 1 },
    language: 'en',
    ...extra,
  };
}

function candidate(c: StoredChunk, evidence: Candidate['evidence'] = 'both', similarity = 0.5): Candidate {
  return { chunk: c, similarity, coverage: evidence === 'weak' ? 0 : 1, evidence };
}

describe('selectPassages', () => {
  it('numbers passages best first and cites file, page and heading', () => {
    const a = chunk('/docs/a.pdf', 4, 'alpha '.repeat(10), { location: { page: 5, headings: ['Intro', 'Methods'] } });
    const b = chunk('/docs/b.pdf', 0, 'beta '.repeat(10));
    const { passages } = selectPassages([candidate(a), candidate(b)], { budgetTokens: 1000, maxPassages: 12 });
    expect(passages.map((p) => [p.n, p.citation])).toEqual([
      [1, 'a.pdf, p. 5 — Methods'],
      [2, 'b.pdf, p. 1'],
    ]);
  });

  it('leaves weak candidates out when strong ones exist, and keeps them when nothing is strong', () => {
    const strong = candidate(chunk('/docs/a.pdf', 0, 'strong evidence here'), 'keyword');
    const weak = candidate(chunk('/docs/b.pdf', 0, 'unrelated noise text'), 'weak');
    const mixed = selectPassages([weak, strong], { budgetTokens: 1000, maxPassages: 12 });
    expect(mixed.passages.map((p) => p.path)).toEqual(['/docs/a.pdf']);
    expect(mixed.omitted.weak).toBe(1);
    const onlyWeak = selectPassages([weak], { budgetTokens: 1000, maxPassages: 12 });
    expect(onlyWeak.passages.map((p) => p.evidence)).toEqual(['weak']);
  });

  it('sends the same text from two files once, citing the copy', () => {
    const text = 'All human beings are born free and equal in dignity and rights.';
    const { passages, omitted } = selectPassages(
      [
        candidate(chunk('/docs/udhr.txt', 0, text)),
        candidate(chunk('/docs/copy.txt', 0, `  ${text.replace(/ /g, '  ')}`)),
      ],
      { budgetTokens: 1000, maxPassages: 12 },
    );
    expect(passages).toHaveLength(1);
    expect(passages[0]?.alsoIn).toEqual(['/docs/copy.txt']);
    expect(omitted.duplicates).toBe(1);
  });

  it('skips a passage over the remaining budget but still takes a smaller one after it', () => {
    const big = chunk('/docs/big.pdf', 0, 'x'.repeat(4000)); // 1000 tokens
    const small = chunk('/docs/small.pdf', 0, 'y'.repeat(400)); // 100 tokens
    const first = chunk('/docs/first.pdf', 0, 'z'.repeat(1600)); // 400 tokens
    const { passages, usedTokens, omitted } = selectPassages([candidate(first), candidate(big), candidate(small)], {
      budgetTokens: 600,
      maxPassages: 12,
    });
    expect(passages.map((p) => p.path)).toEqual(['/docs/first.pdf', '/docs/small.pdf']);
    expect(usedTokens).toBe(500);
    expect(omitted.budget).toBe(1);
  });

  it('joins consecutive chunks of a file into one passage without their overlap, spanning their pages', () => {
    const overlap = 'the overlapping sentence repeated by the chunker.';
    const first = chunk('/docs/a.pdf', 2, `Opening of the section. ${overlap}`);
    const second = chunk('/docs/a.pdf', 3, `${overlap} And then the rest of it.`);
    const other = chunk('/docs/b.pdf', 0, 'Something else entirely, best ranked of all.');
    const { passages } = selectPassages([candidate(other), candidate(second), candidate(first)], {
      budgetTokens: 1000,
      maxPassages: 12,
    });
    expect(passages).toHaveLength(2);
    const joined = passages[1];
    expect(joined?.chunkIds).toEqual(['/docs/a.pdf#2', '/docs/a.pdf#3']);
    expect(joined?.text).toBe(`Opening of the section. ${overlap}\nAnd then the rest of it.`);
    expect(joined?.citation).toBe('a.pdf, pp. 3–4');
  });

  it('stops at the passage limit', () => {
    const many = Array.from({ length: 5 }, (_, i) => candidate(chunk(`/docs/${i}.txt`, 0, `text ${i} `.repeat(5))));
    expect(selectPassages(many, { budgetTokens: 10_000, maxPassages: 3 }).passages).toHaveLength(3);
  });
});

describe('documentParts', () => {
  it('keeps every chunk as its own numbered passage, split into parts that fit the budget', () => {
    const chunks = Array.from({ length: 6 }, (_, i) => chunk('/docs/book.pdf', i, `${'w'.repeat(396)} ${i}.`));
    const parts = documentParts(chunks, 250); // 100 tokens each: two per part
    expect(parts.map((p) => p.map((x) => x.n))).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(parts[0]?.[0]?.evidence).toBe('document');
  });
});

describe('withoutOverlap', () => {
  it('removes the longest repeated start and scales the tokens', () => {
    const result = withoutOverlap('First part. Repeated tail of the text.', {
      text: 'Repeated tail of the text. New words.',
      tokens: 10,
    });
    expect(result.text).toBe('New words.');
    expect(result.tokens).toBe(Math.round((10 * 'New words.'.length) / 'Repeated tail of the text. New words.'.length));
  });

  it('leaves chunks without overlap alone (short chance matches do not count)', () => {
    expect(withoutOverlap('ends with the', { text: 'the start', tokens: 3 })).toEqual({ text: 'the start', tokens: 3 });
  });
});

describe('citationOf', () => {
  it('cites lines and sections where there are no pages', () => {
    expect(citationOf('notes.md', { line: 12, lineEnd: 40, headings: ['Setup'] })).toBe(
      'notes.md, lines 12–40 — Setup',
    );
    expect(citationOf('book.xlsx', { section: 'Sheet2' })).toBe('book.xlsx — Sheet2');
  });
});
