import type { Segment } from '../extract/types';
import { buildBlocks, lineAt, type Block } from './blocks';
import { detectLanguage } from './language';
import { resolveChunkerOptions } from './options';
import { makeSplitter, splitToFit, tailOf, type Piece, type RangeSplitter } from './pieces';
import type { Chunk, ChunkerOptions, ChunkLocation, TokenCounter } from './types';

type Draft = Piece[];

interface Context {
  readonly blocks: readonly Block[];
  readonly split: RangeSplitter;
  readonly count: TokenCounter;
  readonly options: ChunkerOptions;
}

const tokensOf = (pieces: readonly Piece[]) => pieces.reduce((sum, piece) => sum + piece.tokens, 0);

/** Text of consecutive pieces: one slice per block (pieces of a block are contiguous), blocks joined by a blank line. */
function textOf(blocks: readonly Block[], draft: Draft): string {
  const parts: string[] = [];
  for (let i = 0; i < draft.length;) {
    const first = draft[i];
    if (!first) break;
    let end = first.end;
    let j = i + 1;
    for (; j < draft.length && draft[j]?.block === first.block; j += 1) end = Math.max(end, draft[j]?.end ?? end);
    const part = (blocks[first.block]?.text ?? '').slice(first.start, end).trim();
    if (part.length > 0) parts.push(part);
    i = j;
  }
  return parts.join('\n\n');
}

/** The trailing pieces of a chunk worth at most `budget` tokens, repeated at the start of the next one. */
function overlapOf(ctx: Context, previous: Draft, budget: number): Draft {
  const taken: Piece[] = [];
  let sum = 0;
  for (let i = previous.length - 1; i > 0 && budget > sum; i -= 1) {
    const piece = previous[i];
    if (!piece) break;
    if (sum + piece.tokens <= budget) {
      taken.unshift(piece);
      sum += piece.tokens;
      continue;
    }
    const tail = tailOf(ctx.blocks, ctx.split, ctx.count, piece, budget - sum);
    if (tail) taken.unshift(tail);
    break;
  }
  if (taken.length === 0 && previous.length === 1 && previous[0]) {
    const tail = tailOf(ctx.blocks, ctx.split, ctx.count, previous[0], budget);
    if (tail) taken.push(tail);
  }
  return taken;
}

/**
 * One section's pieces into chunks: whole if it fits `maxTokens`; else greedy up to `targetTokens`,
 * the remainder taken whole when it fits the ceiling (no stub chunks), each later chunk opening with
 * the previous one's tail (`overlapTokens`).
 */
function packSection(ctx: Context, pieces: readonly Piece[]): Draft[] {
  const { targetTokens, maxTokens, overlapTokens } = ctx.options;
  let rest = tokensOf(pieces);
  if (rest <= maxTokens) return [pieces.slice()];
  const drafts: Draft[] = [];
  let current: Piece[] = [];
  let currentTokens = 0;
  let fresh = 0;
  for (let i = 0; i < pieces.length; i += 1) {
    const piece = pieces[i];
    if (!piece) continue;
    // A chunk is never cut right after its headings: they belong with the text that follows.
    if (fresh > 0 && currentTokens + piece.tokens > targetTokens) {
      if (currentTokens + rest <= maxTokens) {
        current.push(...pieces.slice(i));
        break;
      }
      drafts.push(current);
      current = overlapOf(ctx, current, overlapTokens);
      currentTokens = tokensOf(current);
      fresh = 0;
    }
    if (fresh === 0 && currentTokens + piece.tokens > maxTokens) {
      current = [];
      currentTokens = 0;
    }
    current.push(piece);
    currentTokens += piece.tokens;
    if (!ctx.blocks[piece.block]?.heading) fresh += 1;
    rest -= piece.tokens;
  }
  if (current.length > 0) drafts.push(current);
  return drafts;
}

/** Splits a draft whose exact count is over the ceiling (sums of parts are estimates) until each fits. */
function fitCeiling(ctx: Context, draft: Draft, exact: number): { draft: Draft; tokens: number }[] {
  const { maxTokens } = ctx.options;
  if (exact <= maxTokens) return [{ draft, tokens: exact }];
  let halves: Draft[];
  if (draft.length >= 2) {
    const half = tokensOf(draft) / 2;
    let at = 1;
    for (let sum = draft[0]?.tokens ?? 0; at < draft.length - 1 && sum < half; at += 1) sum += draft[at]?.tokens ?? 0;
    halves = [draft.slice(0, at), draft.slice(at)];
  } else {
    const [only] = draft;
    if (!only) return [];
    const estimate = Math.max(only.tokens, exact);
    const parts = splitToFit(ctx.blocks, ctx.split, ctx.count, { ...only, tokens: estimate }, Math.ceil(estimate / 2));
    // One code point over the ceiling cannot be split further; unreachable for any real tokenizer.
    if (parts.length <= 1) return [{ draft, tokens: exact }];
    const half = tokensOf(parts) / 2;
    let at = 1;
    for (let sum = parts[0]?.tokens ?? 0; at < parts.length - 1 && sum < half; at += 1) sum += parts[at]?.tokens ?? 0;
    halves = [parts.slice(0, at), parts.slice(at)];
  }
  const counts = ctx.count(halves.map((half) => textOf(ctx.blocks, half)));
  return halves.flatMap((half, i) => fitCeiling(ctx, half, counts[i] ?? 0));
}

function locationOf(blocks: readonly Block[], draft: Draft): ChunkLocation {
  const first = draft[0];
  const last = draft.at(-1);
  const firstBlock = first ? blocks[first.block] : undefined;
  const lastBlock = last ? blocks[last.block] : undefined;
  if (!first || !last || !firstBlock || !lastBlock) return {};
  // A chunk opening with a run of headings is under the deepest of them.
  let headings = firstBlock.headings;
  for (const piece of draft) {
    const block = blocks[piece.block];
    if (!block?.heading || block.section !== firstBlock.section) break;
    headings = block.headings;
  }
  const pages = draft.map((piece) => blocks[piece.block]?.page).filter((page): page is number => page !== undefined);
  const line = lineAt(firstBlock, first.start);
  const lineEnd = lineAt(lastBlock, Math.max(last.start, last.end - 1));
  return {
    ...(pages.length > 0 ? { page: Math.min(...pages), pageEnd: Math.max(...pages) } : {}),
    ...(line !== undefined ? { line, lineEnd: Math.max(line, lineEnd ?? line) } : {}),
    ...(firstBlock.sectionName !== undefined ? { section: firstBlock.sectionName } : {}),
    ...(headings.length > 0 ? { headings: [...headings] } : {}),
  };
}

/** Consecutive blocks of one section. */
function sections(blocks: readonly Block[]): number[][] {
  const out: number[][] = [];
  blocks.forEach((block, index) => {
    const last = out.at(-1);
    const lastBlock = last?.[0] === undefined ? undefined : blocks[last[0]];
    if (last && lastBlock?.section === block.section) last.push(index);
    else out.push([index]);
  });
  return out;
}

/**
 * Segments → chunks. Structure first: headings (and named-section changes) start chunks and are
 * carried as the heading path; paragraphs and pages are preferred cut points; a paragraph over the
 * target is cut at sentences (Intl.Segmenter, locale from the detected language), a sentence over the
 * ceiling at words (dictionary-based for Thai and CJK), then graphemes — never inside one. Sections
 * that fit `maxTokens` stay whole; overlap only inside a split section. A headings-only section joins
 * the next section's first chunk when both fit the target.
 * Every chunk's `tokens` is the counter's exact count of its text, and never exceeds `maxTokens`.
 */
export function chunkSegments(
  segments: readonly Segment[],
  count: TokenCounter,
  options: Partial<ChunkerOptions> = {},
): Chunk[] {
  const resolved = resolveChunkerOptions(options);
  const blocks = buildBlocks(segments);
  if (blocks.length === 0) return [];
  const ctx: Context = { blocks, split: makeSplitter(blocks), count, options: resolved };
  // A block far longer than the ceiling in characters is split anyway; counting it whole would be waste.
  // (Tokens never exceed characters + 1 for SentencePiece, but can be far fewer: hence only "far".)
  const hugeChars = resolved.maxTokens * 16;
  const measured = blocks.map((block, index) => ({ index, huge: block.text.length > hugeChars }));
  const counted = count(measured.filter((m) => !m.huge).map((m) => blocks[m.index]?.text ?? ''));
  const blockTokens: number[] = [];
  let next = 0;
  for (const m of measured) blockTokens[m.index] = m.huge ? Number.MAX_SAFE_INTEGER : (counted[next++] ?? 0);

  const drafts: Draft[] = [];
  for (const indexes of sections(blocks)) {
    // Exact per-block counts decide whether the section fits whole: sums of sentence counts over-count.
    const exactSection = indexes.reduce((sum, index) => sum + (blockTokens[index] ?? 0), 0);
    const pieces = indexes.flatMap((index) => {
      if (exactSection <= resolved.maxTokens) {
        return [{ block: index, start: 0, end: blocks[index]?.text.length ?? 0, tokens: blockTokens[index] ?? 0 }];
      }
      const block = blocks[index];
      const piece: Piece = { block: index, start: 0, end: block?.text.length ?? 0, tokens: blockTokens[index] ?? 0 };
      return splitToFit(
        blocks,
        ctx.split,
        count,
        piece,
        piece.tokens > resolved.targetTokens ? resolved.targetTokens : piece.tokens,
        0,
      );
    });
    const sectionDrafts = exactSection <= resolved.maxTokens ? [pieces] : packSection(ctx, pieces);
    const previous = drafts.at(-1);
    const first = sectionDrafts[0];
    // A section of headings only (a title before a sheet change, a heading at the very end) has nothing
    // to retrieve on its own: it joins the next section's first chunk when both fit the target.
    if (previous && first && previous.every((piece) => blocks[piece.block]?.heading)) {
      if (tokensOf(previous) + tokensOf(first) <= resolved.targetTokens) {
        sectionDrafts[0] = [...previous, ...first];
        drafts.pop();
      }
    }
    drafts.push(...sectionDrafts);
  }

  // A draft that is one whole block already has its exact count; only the others are counted again.
  const wholeBlock = (draft: Draft) =>
    draft.length === 1 && draft[0]?.start === 0 && draft[0].end === (blocks[draft[0].block]?.text.length ?? -1);
  const recount = drafts.filter((draft) => !wholeBlock(draft));
  const recounted = count(recount.map((draft) => textOf(blocks, draft)));
  const exactOf = new Map(recount.map((draft, i) => [draft, recounted[i] ?? 0]));
  const exact = drafts.map((draft) => exactOf.get(draft) ?? draft[0]?.tokens ?? 0);
  const fitted = drafts.flatMap((draft, i) => fitCeiling(ctx, draft, exact[i] ?? 0));
  const chunks: Chunk[] = [];
  for (const { draft, tokens } of fitted) {
    const text = textOf(blocks, draft);
    if (text.length === 0) continue;
    chunks.push({
      ordinal: chunks.length,
      text,
      tokens,
      location: locationOf(blocks, draft),
      language: detectLanguage(text),
    });
  }
  return chunks;
}
