import type { StoreContext } from './context';
import { chunkToRow, fileToRow, type Row } from './rows';
import { inBatches, sqlIn } from './sql';
import type { CommitEntry, FileRecord } from './types';

/** Upsert file rows by path: one atomic LanceDB commit. */
export async function upsertFiles(ctx: StoreContext, files: readonly FileRecord[]): Promise<void> {
  if (files.length === 0) return;
  await ctx.files.mergeInsert('path').whenMatchedUpdateAll().whenNotMatchedInsertAll().execute(files.map(fileToRow));
}

/** Deletes the chunks and the vectors (every table) of these paths. Vectors first: none outlive a chunk. */
export async function deleteContent(ctx: StoreContext, paths: readonly string[], step: string): Promise<void> {
  if (paths.length === 0) return;
  const predicates = inBatches(paths).map((batch) => sqlIn('path', batch));
  for (const vectors of ctx.vectorTables.values()) {
    ctx.beforeStep(`${step}:delete-vectors:${vectors.key}`);
    for (const predicate of predicates) await vectors.table.delete(predicate);
  }
  ctx.beforeStep(`${step}:delete-chunks`);
  for (const predicate of predicates) await ctx.chunks.delete(predicate);
}

const asPending = (file: FileRecord): FileRecord => ({ ...file, status: 'pending', chunkCount: 0 });

/**
 * Many files in one commit of five LanceDB operations (plus one per vectors table), in an order where a
 * crash between any two leaves every file in the batch `pending` — which recovery at open cleans — and
 * never a chunk twice:
 *   1. files → pending   2. delete their vectors   3. delete their chunks   4. add the new chunks
 *   5. files → final status (indexed / failed / skipped) with chunk_count.
 */
export async function commitEntries(ctx: StoreContext, entries: readonly CommitEntry[], now: Date): Promise<void> {
  // The last entry for a path wins, so a batch can never hold one file's chunks twice.
  const byPath = new Map<string, CommitEntry>();
  for (const entry of entries) byPath.set(entry.file.path, entry);
  const batch = [...byPath.values()];
  if (batch.length === 0) return;
  const paths = batch.map((entry) => entry.file.path);

  ctx.beforeStep('commit:mark-pending');
  await upsertFiles(
    ctx,
    batch.map((entry) => asPending(entry.file)),
  );
  await deleteContent(ctx, paths, 'commit');

  const rows: Row[] = [];
  for (const { file, chunks } of batch) {
    if (file.status === 'failed' || file.status === 'skipped') continue;
    for (const chunk of chunks) rows.push(chunkToRow(file, chunk));
  }
  if (rows.length > 0) {
    ctx.beforeStep('commit:add-chunks');
    await ctx.chunks.add(rows);
  }

  ctx.beforeStep('commit:mark-done');
  const indexedAt = now.toISOString();
  await upsertFiles(
    ctx,
    batch.map(({ file, chunks }) => {
      const stored = file.status === 'failed' || file.status === 'skipped';
      return {
        ...file,
        status: file.status === 'pending' ? 'indexed' : file.status,
        chunkCount: stored ? 0 : chunks.length,
        indexedAt: file.indexedAt ?? indexedAt,
      };
    }),
  );
}

/** Removes files: marked pending first, so a crash part-way is finished by recovery, then content, then rows. */
export async function removePaths(ctx: StoreContext, paths: readonly string[]): Promise<void> {
  const unique = [...new Set(paths)];
  if (unique.length === 0) return;
  ctx.beforeStep('remove:mark-pending');
  for (const batch of inBatches(unique)) {
    await ctx.files.update({ where: sqlIn('path', batch), values: { status: 'pending' } });
  }
  await deleteContent(ctx, unique, 'remove');
  ctx.beforeStep('remove:delete-files');
  for (const batch of inBatches(unique)) await ctx.files.delete(sqlIn('path', batch));
}
