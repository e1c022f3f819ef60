import { expect } from 'vitest';

import type { Snippet } from '../../../../shared';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** The highlighted substrings, after checking every range is sorted, apart, inside and whole. */
export function highlighted(snippet: Snippet): string[] {
  expectWellFormed(snippet);
  return snippet.highlights.map((h) => snippet.text.slice(h.start, h.end));
}

/**
 * Within budget, white space collapsed, no lone surrogate; ranges inside the text at grapheme boundaries;
 * highlights sorted and apart.
 */
export function expectWellFormed(snippet: Snippet, maxChars = 240): void {
  const { text, highlights, sentence } = snippet;
  expect(text.length).toBeLessThanOrEqual(maxChars);
  expect(text).not.toMatch(LONE_SURROGATE);
  expect(text).toBe(text.trim());
  expect(text).not.toMatch(/\s\s|[\t\n\r]/u);
  const boundaries = new Set([...graphemes.segment(text)].map((g) => g.index).concat(text.length));
  let previousEnd = -1;
  for (const range of [...highlights, ...(sentence ? [sentence] : [])]) {
    expect(range.start).toBeGreaterThanOrEqual(0);
    expect(range.end).toBeLessThanOrEqual(text.length);
    expect(range.end).toBeGreaterThan(range.start);
    expect(boundaries.has(range.start) && boundaries.has(range.end)).toBe(true);
  }
  for (const range of highlights) {
    expect(range.start).toBeGreaterThan(previousEnd);
    previousEnd = range.end;
  }
}
