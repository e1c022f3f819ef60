import type { ChunkerOptions } from './types';

/**
 * Bump when chunk boundaries or text could change for the same input: it is part of the index
 * provenance, so vectors made from older chunks are never mixed with new ones.
 */
export const CHUNKER_VERSION = 1;

/**
 * Model-token defaults (used with the model's tokenizer):
 * - target 384: jina-embeddings-v3 accepts 8 192 tokens, but one mean-pooled vector per passage blurs
 *   as the passage grows; retrieval benchmarks and the jina-v3 report's late-chunking experiments put
 *   the sweet spot for passage retrieval at a few hundred tokens. 384 tokens ≈ 1 500 characters of
 *   English or ≈ 500 of Chinese: a passage a person reads in a result list, and a snippet source.
 * - max 512: a section up to 512 tokens stays whole (structure first) instead of being cut at 384 with
 *   a stub left over. It also bounds the encoder's cost: here 4×512 runs at 363 tokens/s against 269
 *   at 1×2048 (ENVIRONMENT.md) — attention grows with length.
 * - overlap 48 (12.5 %): a sentence cut by a boundary is still whole in one of the two chunks;
 *   only used when a section is split.
 * Measured on ../shared/corpus (136 files, 5.4 M characters, extracted, synthetic tokenizer): 10 423
 * chunks, tokens p10 210 / p50 332 / p90 373 / max 510 — sections under 512 stay whole, so chunks
 * spread below the target rather than cluster at it. jina's own 250 K vocabulary needs fewer tokens
 * for the same text, so its chunks hold more text at the same counts.
 */
export const DEFAULT_CHUNKER_OPTIONS: ChunkerOptions = { targetTokens: 384, overlapTokens: 48, maxTokens: 512 };

/**
 * Defaults for the model-less `fallbackTokenCounter` (NFKC code points + 1, a proven upper bound).
 * It over-counts Latin text ≈ 2.7× against the synthetic tokenizer and ≈ 4–5× against jina's 250 K
 * vocabulary, CJK ≈ 1.3×, so the same 384 would give 80-token English chunks. Doubled budgets keep
 * English chunks near 170–280 model tokens and CJK near 600, and since the estimate never under-counts,
 * no chunk can exceed 1 024 model tokens — far below the model's 8 192. On the corpus: 9 148 chunks,
 * synthetic-tokenizer tokens p50 374 / p90 435 / max 902, and in 19 571 chunk texts never an under-count.
 */
export const FALLBACK_CHUNKER_OPTIONS: ChunkerOptions = { targetTokens: 768, overlapTokens: 96, maxTokens: 1024 };

export function resolveChunkerOptions(options: Partial<ChunkerOptions> = {}): ChunkerOptions {
  const resolved = { ...DEFAULT_CHUNKER_OPTIONS, ...options };
  const { targetTokens, overlapTokens, maxTokens } = resolved;
  if (!Number.isInteger(maxTokens) || maxTokens < 8)
    throw new RangeError(`maxTokens must be an integer ≥ 8, got ${maxTokens}`);
  if (!Number.isInteger(targetTokens) || targetTokens < 1 || targetTokens > maxTokens) {
    throw new RangeError(`targetTokens must be an integer in 1..maxTokens (${maxTokens}), got ${targetTokens}`);
  }
  if (!Number.isInteger(overlapTokens) || overlapTokens < 0 || overlapTokens >= targetTokens) {
    throw new RangeError(`overlapTokens must be an integer in 0..targetTokens-1, got ${overlapTokens}`);
  }
  return resolved;
}
