/**
 * Boundaries inside a text, as [start, end) UTF-16 offsets, from Intl.Segmenter: sentences, words
 * (dictionary-based for Thai, Lao, Khmer, Burmese, Chinese and Japanese, which write without spaces),
 * graphemes. Every boundary any of them reports is a grapheme boundary, so splitting at them never
 * separates a surrogate pair, a combining mark or an emoji sequence.
 */
export type Range = readonly [start: number, end: number];
type Granularity = 'sentence' | 'word' | 'grapheme';

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(granularity: Granularity, language: string): Intl.Segmenter {
  const locale = language === 'und' ? 'en' : language;
  const key = `${granularity}:${locale}`;
  let found = segmenters.get(key);
  if (!found) {
    found = new Intl.Segmenter(locale, { granularity });
    segmenters.set(key, found);
  }
  return found;
}

function ranges(text: string, start: number, end: number, granularity: Granularity, language: string): Range[] {
  const out: Range[] = [];
  for (const part of segmenter(granularity, language).segment(text.slice(start, end))) {
    out.push([start + part.index, start + part.index + part.segment.length]);
  }
  return out;
}

export const sentenceRanges = (text: string, start: number, end: number, language: string) =>
  ranges(text, start, end, 'sentence', language);

export const wordRanges = (text: string, start: number, end: number, language: string) =>
  ranges(text, start, end, 'word', language);

export const graphemeRanges = (text: string, start: number, end: number) => ranges(text, start, end, 'grapheme', 'und');

/** Code points, for the one case a single grapheme cluster is longer than the ceiling (Zalgo text). */
export function codePointRanges(text: string, start: number, end: number): Range[] {
  const out: Range[] = [];
  let at = start;
  while (at < end) {
    const width = (text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
    out.push([at, Math.min(end, at + width)]);
    at += width;
  }
  return out;
}

/** True for a range holding only white space (and so nothing to index). */
export const isBlank = (text: string, [start, end]: Range) => text.slice(start, end).trim().length === 0;
