import type * as Arrow from 'apache-arrow';

/** A row scored against the query: cosine similarity, exact (computed from the stored float vector). */
export interface ScoredRow {
  readonly id: string;
  readonly path: string;
  readonly similarity: number;
}

/** Best first; equal similarities in id order, so results do not depend on scan order. */
export const bySimilarity = (a: ScoredRow, b: ScoredRow): number =>
  b.similarity - a.similarity || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * A FixedSizeList column's values for one batch (`width` per row; the schema allows no nulls): a view
 * when the batch is one chunk, as LanceDB's are, else a copy.
 */
export function listValues<T extends Uint8Array | Float32Array>(
  column: Arrow.Vector,
  width: number,
  make: (length: number) => T,
): T {
  const parts = column.data.map((data: Arrow.Data) => {
    const child = data.children[0] as Arrow.Data | undefined;
    if (!child) throw new Error('a fixed-size list without values');
    const start = child.offset + data.offset * width;
    return (child.values as T).subarray(start, start + data.length * width);
  });
  if (parts.length === 1 && parts[0]) return parts[0] as T;
  const out = make(column.length * width);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * Scores every row of `batches` (columns `id`, `path`, `vector`) by cosine to the unit `query` and
 * keeps the best `limit`. Strings are read only for rows that enter the top list. Returns them with
 * how many rows were read.
 */
export async function scoreRows(
  batches: AsyncIterable<Arrow.RecordBatch>,
  query: Float32Array,
  limit: number,
): Promise<{ hits: ScoredRow[]; rows: number }> {
  const dims = query.length;
  const top: ScoredRow[] = [];
  let rows = 0;
  for await (const batch of batches) {
    const ids = batch.getChild('id');
    const paths = batch.getChild('path');
    const vectors = batch.getChild('vector');
    if (!ids || !paths || !vectors) throw new Error('scoring read rows without id, path or vector');
    const values = listValues(vectors, dims, (n) => new Float32Array(n));
    for (let r = 0; r < batch.numRows; r += 1) {
      let dot = 0;
      let norm = 0;
      for (let i = 0, at = r * dims; i < dims; i += 1, at += 1) {
        const v = values[at] ?? 0;
        dot += v * (query[i] ?? 0);
        norm += v * v;
      }
      const similarity = norm > 0 ? dot / Math.sqrt(norm) : 0;
      if (top.length === limit && similarity < (top[limit - 1]?.similarity ?? -Infinity)) continue;
      top.push({ id: String(ids.get(r)), path: String(paths.get(r)), similarity });
      top.sort(bySimilarity);
      if (top.length > limit) top.pop();
    }
    rows += batch.numRows;
  }
  return { hits: top, rows };
}
