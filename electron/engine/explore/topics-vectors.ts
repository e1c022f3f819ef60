import { fixedSizeRows } from '../store/derive';
import { chunkId } from '../store/ids';
import type { FileRecord } from '../store/types';
import { breather, normaliseRow, type DocVectors } from './topics-steps';
import type { ExploreWork } from './work';

/**
 * Width the documents are clustered and projected at. jina-embeddings-v3 is Matryoshka-trained: its
 * first 128 values are themselves an embedding (the model card lists 32…1024), so truncating and
 * renormalising keeps the topic structure while k-means, silhouette and neighbour search cost 8× less
 * than at 1 024 and the documents' vectors take 25 MB at 50 000 instead of 200 MB.
 */
export const CLUSTER_DIMS = 128;

export interface DocumentSet {
  /** Files with at least one vector, in the order of `work.files`. */
  readonly files: FileRecord[];
  /** One unit vector per file: the mean of its first passages' vectors, truncated to `dims`. */
  readonly vectors: DocVectors;
  /** Passages per language over those files (vector rows carry the chunk's language). */
  readonly languages: Map<string, Int32Array>;
}

/** Ids of a file's first `passagesPerFile` chunks: chunk ids derive from path, content hash and ordinal. */
export function leadingChunkIds(file: FileRecord, passagesPerFile: number): string[] {
  const count = Math.min(file.chunkCount, passagesPerFile);
  return Array.from({ length: count }, (_, ordinal) => chunkId(file.path, file.hash, ordinal));
}

/**
 * The document vectors of the scope, streamed from the vectors table (pre-filtered by `work.where`).
 * Only the first `passagesPerFile` passages count, even when an earlier job with a larger setting stored
 * more. The mean is accumulated already truncated: truncation is linear and the renormalisation of the
 * full-width mean is one scalar, so normalise(truncate(Σ v)) equals truncating the renormalised mean.
 */
export async function readDocumentVectors(work: ExploreWork, passagesPerFile: number): Promise<DocumentSet> {
  const breathe = breather(work.signal);
  const stored = work.provenance.dims;
  const dims = Math.min(stored, CLUSTER_DIMS);
  const owner = new Map<string, number>();
  let expected = 0;
  for (const [index, file] of work.files.entries()) {
    for (const id of leadingChunkIds(file, passagesPerFile)) owner.set(id, index);
    expected += Math.min(file.chunkCount, passagesPerFile);
    await breathe();
  }
  const sums = new Float32Array(work.files.length * dims);
  const counts = new Int32Array(work.files.length);
  const languageCounts = new Map<string, Int32Array>();
  const { table } = await work.store.vectorTable(work.provenance);
  let query = table.query().select(['id', 'language', 'vector']);
  if (work.where !== undefined) query = query.where(work.where);
  let read = 0;
  for await (const batch of query) {
    const ids = batch.getChild('id');
    const languages = batch.getChild('language');
    const column = batch.getChild('vector');
    if (!ids || !column || !languages) continue;
    const rows = fixedSizeRows(column, stored);
    for (let r = 0; r < batch.numRows; r += 1) {
      const doc = owner.get(String(ids.get(r)));
      const vector = rows[r];
      if (doc === undefined || !vector) continue;
      const offset = doc * dims;
      for (let d = 0; d < dims; d += 1) sums[offset + d] = (sums[offset + d] ?? 0) + (vector[d] ?? 0);
      counts[doc] = (counts[doc] ?? 0) + 1;
      const language = String(languages.get(r) ?? 'und');
      let perDoc = languageCounts.get(language);
      if (!perDoc) languageCounts.set(language, (perDoc = new Int32Array(work.files.length)));
      perDoc[doc] = (perDoc[doc] ?? 0) + 1;
      read += 1;
      // LanceDB's batches can hold tens of thousands of rows.
      if (read % 1024 === 0) await breathe();
    }
    work.progress(read, expected, `reading passage vectors (${read} of ${expected})`);
    await breathe();
  }

  // Files without any vector (no text, or encoded since) are left off the map.
  const kept: number[] = [];
  counts.forEach((count, index) => {
    if (count > 0) kept.push(index);
  });
  const data = new Float32Array(kept.length * dims);
  kept.forEach((index, r) => {
    data.set(sums.subarray(index * dims, (index + 1) * dims), r * dims);
    normaliseRow(data, r * dims, dims);
  });
  const languages = new Map<string, Int32Array>();
  for (const [language, perDoc] of languageCounts)
    languages.set(
      language,
      Int32Array.from(kept, (i) => perDoc[i] ?? 0),
    );
  return {
    files: kept.map((index) => work.files[index] as FileRecord),
    vectors: { n: kept.length, dims, data },
    languages,
  };
}
