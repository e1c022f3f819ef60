/** Token-aware, structure-first chunking of extracted segments, with per-chunk language. */
export { chunkSegments } from './chunker';
export { detectLanguage } from './language';
export { CHUNKER_VERSION, DEFAULT_CHUNKER_OPTIONS, FALLBACK_CHUNKER_OPTIONS, resolveChunkerOptions } from './options';
export { fallbackTokenCounter, tokenCounterFor } from './token-counter';
export type { Chunk, ChunkerOptions, ChunkLocation, ChunkSegments, TokenCounter } from './types';
