import type { Vector } from 'apache-arrow';

import { truncateAndNormalize } from '../encoder/vectors';
import type { StoreContext } from './context';
import { listValues } from './score-rows';
import type { Provenance, VectorRow, VectorTable } from './types';
import { columnValues, openVectorTable } from './vectors';

/** Rows read and written per step: one step is one upsert, so a cancel loses at most this much. */
const DERIVE_BATCH = 2048;

export interface DeriveProgress {
  /** Rows of the source this derivation covers (those the target lacked when it started). */
  readonly total: number;
  readonly done: number;
}

export interface DeriveOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: DeriveProgress) => void;
  /** Writes one batch of derived rows (the store's `addVectors`, under its write queue). */
  readonly write: (target: Provenance, rows: VectorRow[]) => Promise<number>;
}

/**
 * Matryoshka without the encoder: the vectors of `target` (same provenance as `source`, fewer dims) are
 * the source's first `target.dims` values renormalised — exactly what encoding at `target.dims` gives
 * (jina-v3 truncates after pooling). Only ids the target lacks are derived, so a rerun continues.
 * Writes go through `write` (the store's `addVectors`), which drops ids whose chunk has gone meanwhile.
 */
export async function deriveVectors(
  ctx: StoreContext,
  source: VectorTable,
  target: Provenance,
  options: DeriveOptions,
): Promise<DeriveProgress> {
  if (target.dims >= source.provenance.dims) {
    throw new RangeError(`cannot derive ${target.dims} dims from ${source.provenance.dims}`);
  }
  const derived = await openVectorTable(ctx, target);
  const have = new Set(await columnValues(derived.table, 'id'));
  const sourceRows = await source.table.countRows();
  const total = Math.max(0, sourceRows - have.size);
  let done = 0;
  options.onProgress?.({ total, done });
  let pending: VectorRow[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    options.signal?.throwIfAborted();
    await options.write(target, pending);
    done += pending.length;
    pending = [];
    options.onProgress?.({ total, done: Math.min(done, total) });
  };
  for await (const batch of source.table.query().select(['id', 'vector'])) {
    const ids = batch.getChild('id');
    const vectors = batch.getChild('vector');
    if (!ids || !vectors) continue;
    const rows = fixedSizeRows(vectors, source.provenance.dims);
    for (let i = 0; i < batch.numRows; i += 1) {
      const id = String(ids.get(i));
      const vector = rows[i];
      if (have.has(id) || !vector) continue;
      pending.push({ id, vector: truncateAndNormalize(vector, target.dims) });
      if (pending.length >= DERIVE_BATCH) await flush();
    }
  }
  await flush();
  return { total, done };
}

/** The rows of a FixedSizeList<float32> column as views over its values (no per-value copies). */
export function fixedSizeRows(column: Vector, dims: number): Float32Array[] {
  const values = listValues(column, dims, (length) => new Float32Array(length));
  return Array.from({ length: column.length }, (_, row) => values.subarray(row * dims, (row + 1) * dims));
}
