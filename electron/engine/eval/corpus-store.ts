import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';

import { PolyseekError, type Precision, type Task } from '../../../shared';
import type { Encoder } from '../encoder/encoder';
import { IndexStore } from '../store/index-store';
import type { FileRecord, Provenance } from '../store/types';
import type { Dataset } from './dataset';

/**
 * A BEIR corpus as Polyseek indexes it, in a store of its own (`<dataDir>/eval/corpora/<key>`): each
 * document is one "file" of one chunk (title and text), so keyword search (the same n-gram index), vector
 * search, fusion and Matryoshka derivation run exactly as on a person's folders. Keyed by the corpus's
 * sha256: the same corpus imported again reuses its rows and vectors.
 */
export const EVAL_ROOT = '/eval-corpus';

/** A document's path in the corpus store; `docIdOf` reverses it. */
export function docPath(id: string): string {
  return `${EVAL_ROOT}/${encodeURIComponent(id)}`;
}

export function docIdOf(path: string): string {
  return decodeURIComponent(path.slice(EVAL_ROOT.length + 1));
}

/** Documents encoded per encoder call: large enough to batch well, small enough to cancel promptly. */
const ENCODE_BATCH = 32;
const COMMIT_BATCH = 500;

export async function corpusKey(dataset: Dataset): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(join(dataset.dir, 'corpus.jsonl'))) hash.update(chunk as Buffer);
  return hash.digest('hex').slice(0, 16);
}

/** Opens (and on first use fills) the corpus store of a dataset; `onProgress` counts documents written. */
export async function openCorpusStore(
  dataDir: string,
  dataset: Dataset,
  signal: AbortSignal,
  onProgress: (done: number, total: number) => void,
): Promise<IndexStore> {
  const store = await IndexStore.open(join(dataDir, 'eval', 'corpora', await corpusKey(dataset)));
  try {
    const { files } = await store.stats();
    if (files !== dataset.documents.length) {
      const total = dataset.documents.length;
      for (let start = 0; start < total; start += COMMIT_BATCH) {
        if (signal.aborted) throw new PolyseekError('CANCELLED', 'evaluation cancelled');
        const batch = dataset.documents.slice(start, start + COMMIT_BATCH);
        await store.commitFiles(
          batch.map((doc) => {
            const text = doc.title ? `${doc.title}\n${doc.text}` : doc.text;
            return {
              file: documentRecord(doc.id, doc.title, text),
              chunks: [{ ordinal: 0, text, tokens: Math.ceil(text.length / 4), location: {}, language: 'und' }],
            };
          }),
        );
        onProgress(Math.min(total, start + batch.length), total);
      }
      await store.ensureFtsIndex();
      await store.optimizeIfNeeded();
    }
    return store;
  } catch (error) {
    await store.close();
    throw error;
  }
}

function documentRecord(id: string, title: string, text: string): FileRecord {
  return {
    path: docPath(id),
    root: EVAL_ROOT,
    size: Buffer.byteLength(text),
    mtimeMs: 0,
    hash: createHash('sha256').update(text).digest('hex'),
    status: 'indexed',
    errorCode: null,
    errorMessage: null,
    chunkCount: 1,
    indexedAt: null,
    extractor: 'beir@1',
    format: 'txt',
    title: title || null,
    language: null,
  };
}

export interface PassageSetting {
  readonly task: Task;
  readonly precision: Precision;
  readonly prefix: boolean;
}

/**
 * Encodes the documents that have no vector yet for this passage setting, at the model's full width (every
 * smaller Matryoshka size is derived from these, never encoded again). Resumable: an interrupted run
 * continues from the first document without a vector.
 */
export async function encodeCorpus(
  store: IndexStore,
  encoder: Encoder,
  provenance: Provenance,
  signal: AbortSignal,
  onProgress: (encoded: number) => void,
): Promise<void> {
  let afterId: string | undefined;
  for (;;) {
    if (signal.aborted) throw new PolyseekError('CANCELLED', 'evaluation cancelled');
    const chunks = await store.chunksAwaitingVectors(provenance, ENCODE_BATCH, afterId);
    if (chunks.length === 0) break;
    const embeddings = await encoder.embed(
      chunks.map((c) => c.text),
      { task: provenance.task, dims: provenance.dims, prefix: provenance.prefix, signal },
    );
    await store.addVectors(
      provenance,
      chunks.map((c, i) => ({ id: c.id, vector: embeddings[i]?.vector ?? new Float32Array(provenance.dims) })),
    );
    afterId = chunks.at(-1)?.id;
    onProgress(chunks.length);
  }
  await store.ensureVectorIndex(provenance);
}
