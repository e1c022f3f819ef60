import { binaryCode } from '../encoder/vectors';
import type { StoreContext } from './context';
import { canonicalProvenance, provenanceKey } from './ids';
import { META_KEYS, writeMeta } from './meta';
import { rowToChunk, vectorFilterColumns, type Row } from './rows';
import { VECTORS_TABLE_PREFIX, vectorsSchema } from './schemas';
import { inBatches, sqlIn, sqlString } from './sql';
import type { Provenance, StoredChunk, VectorRow, VectorTable } from './types';

/** Opens (or creates, recording its provenance in `meta`) the vectors table of a provenance. */
export async function openVectorTable(ctx: StoreContext, provenance: Provenance): Promise<VectorTable> {
  const key = provenanceKey(provenance);
  const known = ctx.vectorTables.get(key);
  if (known) return known;
  if (!Number.isInteger(provenance.dims) || provenance.dims < 1) {
    throw new RangeError(`a vectors table needs a positive whole number of dims, got ${provenance.dims}`);
  }
  const name = `${VECTORS_TABLE_PREFIX}${key}`;
  // Provenance first: a table on disk is always findable from meta, even after a crash right here.
  await writeMeta(ctx.meta, `${META_KEYS.vectorsPrefix}${key}`, canonicalProvenance(provenance));
  const table = await ctx.db.createEmptyTable(name, vectorsSchema(provenance.dims), { existOk: true });
  const opened: VectorTable = { key, name, provenance, table };
  ctx.vectorTables.set(key, opened);
  return opened;
}

/** All values of one string column, optionally filtered. */
export async function columnValues(table: VectorTable['table'], column: string, where?: string): Promise<string[]> {
  let query = table.query().select([column]);
  if (where !== undefined) query = query.where(where);
  const out: string[] = [];
  for await (const batch of query) {
    const vector = batch.getChild(column);
    if (!vector) continue;
    for (let i = 0; i < vector.length; i += 1) out.push(String(vector.get(i)));
  }
  return out;
}

/** Ids among `ids` that the table already holds. */
async function presentIds(table: VectorTable['table'], ids: readonly string[]): Promise<Set<string>> {
  const present = new Set<string>();
  for (const batch of inBatches(ids)) {
    for (const id of await columnValues(table, 'id', sqlIn('id', batch))) present.add(id);
  }
  return present;
}

/**
 * Chunks without a vector in this provenance's table, in id order after `afterId`, at most `limit`.
 * Cost: one scan of the chunk ids after `afterId` plus id look-ups in the vectors table — ids only,
 * ≈ 3 MB per 100 K chunks — so a resumable embed job can call it in a loop.
 */
export async function chunksAwaitingVectors(
  ctx: StoreContext,
  provenance: Provenance,
  limit: number,
  afterId?: string,
  where?: string,
): Promise<StoredChunk[]> {
  if (limit <= 0) return [];
  const vectors = await openVectorTable(ctx, provenance);
  const conditions = [afterId === undefined ? null : `id > ${sqlString(afterId)}`, where ? `(${where})` : null];
  const filter = conditions.filter((c) => c !== null).join(' AND ');
  const ids = await columnValues(ctx.chunks, 'id', filter || undefined);
  ids.sort();
  const missing: string[] = [];
  const window = Math.max(limit, 500);
  for (let start = 0; start < ids.length && missing.length < limit; start += window) {
    const slice = ids.slice(start, start + window);
    const present = await presentIds(vectors.table, slice);
    for (const id of slice) {
      if (!present.has(id)) missing.push(id);
      if (missing.length >= limit) break;
    }
  }
  if (missing.length === 0) return [];
  const rows: StoredChunk[] = [];
  for (const batch of inBatches(missing)) {
    const found = (await ctx.chunks.query().where(sqlIn('id', batch)).toArray()) as Row[];
    rows.push(...found.map(rowToChunk));
  }
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Upserts vectors by chunk id, copying the chunk's filter columns. Ids whose chunk is gone (the file
 * changed or was removed while it was being embedded) are dropped, so no vector is ever orphaned.
 * Returns how many rows were written.
 */
export async function addVectors(
  ctx: StoreContext,
  provenance: Provenance,
  rows: readonly VectorRow[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const vectors = await openVectorTable(ctx, provenance);
  const { dims } = provenance;
  const byId = new Map<string, VectorRow>();
  for (const row of rows) {
    if (row.vector.length !== dims) {
      throw new RangeError(`vector for chunk ${row.id} has ${row.vector.length} dims, the table holds ${dims}`);
    }
    byId.set(row.id, row);
  }
  const out: Row[] = [];
  for (const batch of inBatches([...byId.keys()])) {
    const chunks = (await ctx.chunks
      .query()
      .where(sqlIn('id', batch))
      .select(['id', 'path', 'root', 'format', 'mtime_ms', 'language'])
      .toArray()) as Row[];
    for (const chunk of chunks) {
      const filter = vectorFilterColumns(chunk);
      const row = byId.get(String(filter.id));
      if (!row) continue;
      const binary = row.binary ?? binaryCode(row.vector);
      out.push({ ...filter, vector: Array.from(row.vector), binary: Array.from(binary) });
    }
  }
  if (out.length === 0) return 0;
  ctx.beforeStep('vectors:upsert');
  await vectors.table.mergeInsert('id').whenMatchedUpdateAll().whenNotMatchedInsertAll().execute(out);
  return out.length;
}

/** Indexed files with at least one chunk lacking a vector in this provenance's table. */
export async function filesAwaitingVectors(ctx: StoreContext, provenance: Provenance): Promise<string[]> {
  const vectors = await openVectorTable(ctx, provenance);
  const have = new Set(await columnValues(vectors.table, 'id'));
  const paths = new Set<string>();
  for await (const batch of ctx.chunks.query().select(['id', 'path'])) {
    const ids = batch.getChild('id');
    const pathColumn = batch.getChild('path');
    if (!ids || !pathColumn) continue;
    for (let i = 0; i < batch.numRows; i += 1) {
      if (!have.has(String(ids.get(i)))) paths.add(String(pathColumn.get(i)));
    }
  }
  return [...paths].sort();
}
