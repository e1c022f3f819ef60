import type { Block } from './blocks';
import { detectLanguage } from './language';
import { codePointRanges, graphemeRanges, isBlank, sentenceRanges, wordRanges, type Range } from './text-ranges';
import type { TokenCounter } from './types';

/** A contiguous range of one block's text, with its token count. */
export interface Piece {
  readonly block: number;
  readonly start: number;
  readonly end: number;
  readonly tokens: number;
}

/** Splits one range of a block into finer ranges: sentences, then words, then graphemes, then code points. */
export type RangeSplitter = (block: number, start: number, end: number, depth: number) => Range[];

export const SPLIT_DEPTHS = 4;

export function makeSplitter(blocks: readonly Block[]): RangeSplitter {
  const languages = new Map<number, string>();
  const languageOf = (index: number) => {
    let found = languages.get(index);
    if (found === undefined) {
      found = detectLanguage(blocks[index]?.text ?? '');
      languages.set(index, found);
    }
    return found;
  };
  return (index, start, end, depth) => {
    const text = blocks[index]?.text ?? '';
    switch (depth) {
      case 0:
        return sentenceRanges(text, start, end, languageOf(index));
      case 1:
        return wordRanges(text, start, end, languageOf(index));
      case 2:
        return graphemeRanges(text, start, end);
      default:
        return codePointRanges(text, start, end);
    }
  };
}

/**
 * Greedy packing of adjacent ranges into groups of at most `limit` tokens (summed per range). When a
 * group overflows, it is cut after the last white space in its second half if there is one — so Thai,
 * whose word segments have no spaces between them, still breaks between phrases where it can.
 */
function packRanges(
  text: string,
  ranges: readonly Range[],
  tokens: readonly number[],
  limit: number,
): { start: number; end: number; tokens: number }[] {
  const groups: { start: number; end: number; tokens: number }[] = [];
  const sumOf = (from: number, to: number) => {
    let total = 0;
    for (let i = from; i < to; i += 1) total += tokens[i] ?? 0;
    return total;
  };
  const push = (from: number, to: number) => {
    const start = ranges[from]?.[0];
    const end = ranges[to - 1]?.[1];
    if (start !== undefined && end !== undefined && !isBlank(text, [start, end])) {
      groups.push({ start, end, tokens: sumOf(from, to) });
    }
  };
  let first = 0;
  let sum = 0;
  for (let i = 0; i < ranges.length; i += 1) {
    const cost = tokens[i] ?? 0;
    if (i > first && sum + cost > limit) {
      let cut = i;
      for (let j = i - 1; j > first + (i - first) / 2; j -= 1) {
        const range = ranges[j];
        if (range && isBlank(text, range)) {
          cut = j + 1;
          break;
        }
      }
      push(first, cut);
      first = cut;
      sum = sumOf(first, i);
    }
    sum += cost;
  }
  push(first, ranges.length);
  return groups;
}

/**
 * Pieces covering [start, end) of a block, each at most `limit` tokens: the range itself if it fits,
 * else its sentences, words, graphemes or code points, packed — recursively, one level at a time.
 */
export function splitToFit(
  blocks: readonly Block[],
  split: RangeSplitter,
  count: TokenCounter,
  piece: Piece,
  limit: number,
  depth = 0,
): Piece[] {
  if (piece.tokens <= limit) return [piece];
  if (depth >= SPLIT_DEPTHS) return [piece];
  const text = blocks[piece.block]?.text ?? '';
  const ranges = split(piece.block, piece.start, piece.end, depth);
  if (ranges.length <= 1 && depth < SPLIT_DEPTHS - 1) {
    return splitToFit(blocks, split, count, piece, limit, depth + 1);
  }
  const tokens = count(ranges.map(([s, e]) => text.slice(s, e)));
  // Sentences stay separate pieces (the section packer fills chunks with them); words, graphemes and
  // code points are too small for that and are packed into groups here.
  const groups =
    depth === 0
      ? ranges
          .map(([start, end], i) => ({ start, end, tokens: tokens[i] ?? 0 }))
          .filter((group) => !isBlank(text, [group.start, group.end]))
      : packRanges(text, ranges, tokens, limit);
  const out: Piece[] = [];
  for (const group of groups) {
    const sub: Piece = { block: piece.block, ...group };
    out.push(...(sub.tokens > limit ? splitToFit(blocks, split, count, sub, limit, depth + 1) : [sub]));
  }
  return out;
}

/** The trailing part of a piece worth at most `budget` tokens, cut at a sentence or word boundary. */
export function tailOf(
  blocks: readonly Block[],
  split: RangeSplitter,
  count: TokenCounter,
  piece: Piece,
  budget: number,
): Piece | null {
  const text = blocks[piece.block]?.text ?? '';
  for (let depth = 0; depth < 2; depth += 1) {
    const ranges = split(piece.block, piece.start, piece.end, depth);
    if (ranges.length <= 1) continue;
    const tokens = count(ranges.map(([s, e]) => text.slice(s, e)));
    let sum = 0;
    let from = ranges.length;
    while (from > 1 && sum + (tokens[from - 1] ?? 0) <= budget) {
      from -= 1;
      sum += tokens[from] ?? 0;
    }
    const start = ranges[from]?.[0];
    if (start !== undefined && sum > 0) return { block: piece.block, start, end: piece.end, tokens: sum };
    if (depth === 0) {
      // The last sentence alone is over budget: take its tail words instead.
      const last = ranges.at(-1);
      const lastTokens = tokens.at(-1) ?? 0;
      if (last)
        return tailOf(
          blocks,
          split,
          count,
          { block: piece.block, start: last[0], end: piece.end, tokens: lastTokens },
          budget,
        );
    }
  }
  return null;
}
