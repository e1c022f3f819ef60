import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

import { Index, type Table } from '@lancedb/lancedb';

import { deleteContent } from './commit';
import type { StoreContext } from './context';
import { ensureFtsIndex } from './fts';
import { rowToFile, type Row } from './rows';
import type { ConsistencyReport, FileRecord, FileStatus, StoreStats } from './types';
import { columnValues } from './vectors';

export async function pendingFiles(ctx: StoreContext): Promise<FileRecord[]> {
  const rows = (await ctx.files.query().where("status = 'pending'").toArray()) as Row[];
  return rows.map(rowToFile);
}

/**
 * What an interrupted commit or removal left: files still `pending`. Their chunks and vectors go (the
 * rows stay `pending`, so the indexer redoes them or, when the file is gone, removes them).
 */
export async function recoverPending(ctx: StoreContext): Promise<{ files: number; chunks: number; vectors: number }> {
  const pending = await pendingFiles(ctx);
  if (pending.length === 0) return { files: 0, chunks: 0, vectors: 0 };
  const paths = pending.map((file) => file.path);
  const chunksBefore = await ctx.chunks.countRows();
  let vectorsBefore = 0;
  for (const vectors of ctx.vectorTables.values()) vectorsBefore += await vectors.table.countRows();
  await deleteContent(ctx, paths, 'recover');
  let vectorsAfter = 0;
  for (const vectors of ctx.vectorTables.values()) vectorsAfter += await vectors.table.countRows();
  return {
    files: pending.length,
    chunks: chunksBefore - (await ctx.chunks.countRows()),
    vectors: vectorsBefore - vectorsAfter,
  };
}

async function bytesUnder(dir: string): Promise<number> {
  let total = 0;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += await bytesUnder(path);
    else if (entry.isFile()) total += (await stat(path).catch(() => ({ size: 0 }))).size;
  }
  return total;
}

export async function storeStats(ctx: StoreContext): Promise<StoreStats> {
  const byStatus: Record<FileStatus, number> = { pending: 0, indexed: 0, failed: 0, skipped: 0 };
  for (const status of await columnValues(ctx.files, 'status')) {
    if (status in byStatus) byStatus[status as FileStatus] += 1;
  }
  const vectors: Record<string, number> = {};
  for (const table of ctx.vectorTables.values()) vectors[table.key] = await table.table.countRows();
  return {
    files: Object.values(byStatus).reduce((a, b) => a + b, 0),
    chunks: await ctx.chunks.countRows(),
    byStatus,
    bytesOnDisk: await bytesUnder(ctx.dir),
    vectors,
  };
}

function countDuplicates(values: readonly string[]): number {
  const seen = new Set<string>();
  let duplicates = 0;
  for (const value of values) {
    if (seen.has(value)) duplicates += 1;
    else seen.add(value);
  }
  return duplicates;
}

/** Full scan of ids and paths; for tests and `polyseek index check`, not the hot path. */
export async function checkConsistency(ctx: StoreContext): Promise<ConsistencyReport> {
  const files = ((await ctx.files.query().select(['path', 'status', 'chunk_count']).toArray()) as Row[]).map((row) => ({
    path: String(row.path),
    status: String(row.status),
    chunkCount: Number(row.chunk_count),
  }));
  const chunkIds = await columnValues(ctx.chunks, 'id');
  const chunkPaths = await columnValues(ctx.chunks, 'path');
  let duplicateIds = countDuplicates(chunkIds) + countDuplicates(files.map((file) => file.path));
  const indexed = new Set(files.filter((file) => file.status === 'indexed').map((file) => file.path));
  const perPath = new Map<string, number>();
  let orphanChunks = 0;
  for (const path of chunkPaths) {
    perPath.set(path, (perPath.get(path) ?? 0) + 1);
    if (!indexed.has(path)) orphanChunks += 1;
  }
  const known = new Set(chunkIds);
  let orphanVectors = 0;
  for (const vectors of ctx.vectorTables.values()) {
    const ids = await columnValues(vectors.table, 'id');
    duplicateIds += countDuplicates(ids);
    orphanVectors += ids.filter((id) => !known.has(id)).length;
  }
  const countMismatches: string[] = [];
  for (const file of files) {
    const rows = perPath.get(file.path) ?? 0;
    const expected = file.status === 'indexed' ? file.chunkCount : 0;
    if (rows !== expected) countMismatches.push(`${file.path}: chunk_count ${expected}, rows ${rows}`);
  }
  return { duplicateIds, orphanChunks, orphanVectors, countMismatches };
}

/**
 * After bulk writes: compacts small fragments (each commit writes one), merges new rows into the
 * n-gram and scalar indexes, and prunes old versions. Only this process writes the index, so versions
 * older than now can go; files a crashed write left unreferenced are kept by LanceDB for 7 days unless
 * `deleteUnverified` (safe only when no other process has the index open).
 */
export async function optimizeTables(ctx: StoreContext, deleteUnverified: boolean): Promise<void> {
  const options = { cleanupOlderThan: new Date(), deleteUnverified };
  ctx.beforeStep('optimize');
  await ctx.files.optimize(options);
  await ctx.chunks.optimize(options);
  await ctx.meta.optimize(options);
  for (const vectors of ctx.vectorTables.values()) await vectors.table.optimize(options);
  if ((await ctx.chunks.countRows()) > 0) {
    await ensureFtsIndex(ctx);
    await ensureScalarIndexes(ctx.chunks, ['id', 'path']);
    for (const vectors of ctx.vectorTables.values()) {
      if ((await vectors.table.countRows()) > 0) await ensureScalarIndexes(vectors.table, ['id', 'path']);
    }
  }
}

/**
 * B-tree indexes on the key columns every delete, look-up and merge filters on (`id IN …`,
 * `path IN …`). New rows stay searchable before the next optimize merges them into the index.
 */
async function ensureScalarIndexes(table: Table, columns: readonly string[]): Promise<void> {
  const indices = await table.listIndices();
  for (const column of columns) {
    if (
      indices.some((index) => index.indexType !== 'FTS' && index.columns.length === 1 && index.columns[0] === column)
    ) {
      continue;
    }
    await table.createIndex(column, { config: Index.btree() });
  }
}
