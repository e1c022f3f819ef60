import type { Chunk } from '../../../electron/engine/chunk/types';
import type { FileRecord, Provenance } from '../../../electron/engine/store';

export function fileRecord(path: string, overrides: Partial<FileRecord> = {}): FileRecord {
  return {
    path,
    root: '/root',
    size: 100,
    mtimeMs: 1_700_000_000_000,
    hash: `hash-of-${path}`,
    status: 'pending',
    errorCode: null,
    errorMessage: null,
    chunkCount: 0,
    indexedAt: null,
    extractor: 'text@1',
    format: 'txt',
    title: null,
    language: null,
    ...overrides,
  };
}

export function chunks(texts: readonly string[], language = 'en'): Chunk[] {
  return texts.map((text, ordinal) => ({
    ordinal,
    text,
    tokens: text.length,
    language,
    location: {
      page: ordinal + 1,
      pageEnd: ordinal + 1,
      line: ordinal * 10 + 1,
      lineEnd: ordinal * 10 + 9,
      headings: ['H', `h${ordinal}`],
    },
  }));
}

export const PROVENANCE: Provenance = {
  modelId: 'jinaai/jina-embeddings-v3',
  modelChecksum: 'sha256:abc',
  precision: 'fp32',
  task: 'retrieval.passage',
  prefix: true,
  dims: 16,
  chunkerVersion: 1,
};

/** A deterministic unit vector per id (a hash-seeded pattern, not an embedding). */
export function unitVector(id: string, dims = PROVENANCE.dims): Float32Array {
  let seed = 0;
  for (const char of id) seed = (seed * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  const out = new Float32Array(dims);
  let norm = 0;
  for (let i = 0; i < dims; i += 1) {
    seed = (seed * 1_103_515_245 + 12_345) >>> 0;
    out[i] = (seed / 2 ** 32) * 2 - 1;
    norm += (out[i] ?? 0) ** 2;
  }
  return out.map((v) => v / Math.sqrt(norm));
}
