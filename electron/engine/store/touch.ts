import { arrow } from './arrow';
import { upsertFiles } from './commit';
import type { StoreContext } from './context';
import { rowToFile, type Row } from './rows';
import { inBatches, sqlIn } from './sql';
import type { FileRecord } from './types';

/**
 * New size and mtime for files whose content hash is unchanged (a `touch`, a copy-back): the file row
 * and the `mtime_ms` filter column of their chunks and vectors, so date filters stay right and nothing
 * is re-hashed or re-encoded. Records whose stored hash differs, or that are not stored, are ignored.
 * Chunks and vectors first, file rows last: a crash in between leaves the old mtime in `files`, so the
 * next run hashes the file again and touches it again. Returns the paths updated.
 */
export async function touchFiles(ctx: StoreContext, records: readonly FileRecord[]): Promise<string[]> {
  const wanted = new Map(records.map((record) => [record.path, record]));
  const updated: FileRecord[] = [];
  for (const batch of inBatches([...wanted.keys()])) {
    const rows = (await ctx.files.query().where(sqlIn('path', batch)).toArray()) as Row[];
    for (const stored of rows.map(rowToFile)) {
      const record = wanted.get(stored.path);
      if (!record || record.hash !== stored.hash) continue;
      if (record.size === stored.size && record.mtimeMs === stored.mtimeMs) continue;
      updated.push({ ...stored, size: record.size, mtimeMs: record.mtimeMs });
    }
  }
  if (updated.length === 0) return [];
  const mtimes = new Map(updated.map((file) => [file.path, file.mtimeMs]));
  const tables = [ctx.chunks, ...[...ctx.vectorTables.values()].map((vectors) => vectors.table)];
  for (const table of tables) {
    // One merge per table with only `id` and `mtime_ms`: LanceDB updates just that column.
    // Built as an arrow table: from plain objects LanceDB would take the absent vector columns for
    // embedding columns it must compute, and refuse.
    const ids: string[] = [];
    const values: number[] = [];
    for (const batch of inBatches([...mtimes.keys()])) {
      const found = (await table.query().where(sqlIn('path', batch)).select(['id', 'path']).toArray()) as Row[];
      for (const row of found) {
        ids.push(String(row.id));
        values.push(mtimes.get(String(row.path)) ?? 0);
      }
    }
    if (ids.length === 0) continue;
    const data = new arrow.Table({
      id: arrow.vectorFromArray(ids, new arrow.Utf8()),
      mtime_ms: arrow.vectorFromArray(values, new arrow.Float64()),
    });
    ctx.beforeStep(`touch:${table.name}`);
    await table.mergeInsert('id').whenMatchedUpdateAll().execute(data);
  }
  ctx.beforeStep('touch:files');
  await upsertFiles(ctx, updated);
  return updated.map((file) => file.path);
}
