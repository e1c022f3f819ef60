import type { Segment } from '../extract/types';

/** Where a chunk came from: the span of its segments. */
export interface ChunkLocation {
  readonly page?: number;
  readonly pageEnd?: number;
  readonly line?: number;
  readonly lineEnd?: number;
  readonly section?: string;
  /** Heading path in force at the chunk's start, outermost first (`["Install", "Linux"]`). */
  readonly headings?: string[];
}

export interface Chunk {
  /** 0-based position in the file. */
  readonly ordinal: number;
  readonly text: string;
  /** Model tokens of `text` alone (without `<s> </s>` and without any instruction prefix). */
  readonly tokens: number;
  readonly location: ChunkLocation;
  /** BCP-47 primary language (`en`, `ja`, `zh`, …) or `und` when unsure. */
  readonly language: string;
}

export interface ChunkerOptions {
  /** Tokens a chunk aims for. */
  readonly targetTokens: number;
  /** Tokens repeated from the end of the previous chunk when a section is split. */
  readonly overlapTokens: number;
  /** Hard ceiling; nothing longer is produced. */
  readonly maxTokens: number;
}

/** Counts model tokens (no special tokens). Batched because tokenizers are cheaper per call in bulk. */
export type TokenCounter = (texts: readonly string[]) => number[];

export type ChunkSegments = (
  segments: readonly Segment[],
  count: TokenCounter,
  options?: Partial<ChunkerOptions>,
) => Chunk[];
