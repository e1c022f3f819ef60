import type { Connection, Table } from '@lancedb/lancedb';

import { arrow } from '../arrow';
import { META_KEYS, readMeta, writeMeta } from '../meta';
import { initialTables } from './001-initial-tables';
import { languageColumns } from './002-language-columns';
import type { StoreMigration } from './types';

export type { StoreMigration } from './types';

/** Every step in order; the last one's version is the current schema version. */
export const STORE_MIGRATIONS: readonly StoreMigration[] = [initialTables, languageColumns];
export const STORE_SCHEMA_VERSION = STORE_MIGRATIONS.at(-1)?.version ?? 0;

async function openMeta(db: Connection): Promise<Table> {
  const names = await db.tableNames();
  if (!names.includes('meta')) {
    const schema = new arrow.Schema([
      new arrow.Field('key', new arrow.Utf8(), false),
      new arrow.Field('value', new arrow.Utf8(), false),
    ]);
    return db.createEmptyTable('meta', schema, { existOk: true });
  }
  return db.openTable('meta');
}

export async function readSchemaVersion(db: Connection): Promise<number> {
  if (!(await db.tableNames()).includes('meta')) return 0;
  const meta = await db.openTable('meta');
  try {
    const value = await readMeta(meta, META_KEYS.schemaVersion);
    return value === null ? 0 : Number(value);
  } finally {
    meta.close();
  }
}

/**
 * Brings the database to `target` (default: current), one step at a time, recording each step in
 * `meta` after it ran. Refuses a database written by a newer Polyseek rather than guess at its layout.
 * LanceDB keeps each table's previous versions until `optimize()` prunes them, so a failed step leaves
 * the old data readable. Returns the versions applied.
 */
export async function migrateStore(
  db: Connection,
  target = STORE_SCHEMA_VERSION,
  migrations: readonly StoreMigration[] = STORE_MIGRATIONS,
): Promise<number[]> {
  const current = await readSchemaVersion(db);
  if (!Number.isInteger(current) || current < 0) {
    throw new Error(`the index's schema version is unreadable (${String(current)}); delete the index to rebuild it`);
  }
  const newest = migrations.at(-1)?.version ?? 0;
  if (current > newest) {
    throw new Error(
      `the index was written by a newer Polyseek (schema ${current}, this one knows up to ${newest}); update Polyseek or delete the index to rebuild it`,
    );
  }
  const applied: number[] = [];
  for (const step of migrations) {
    if (step.version <= current || step.version > target) continue;
    try {
      await step.up(db);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`migrating the index to schema ${step.version} (${step.name}): ${reason}`, { cause: error });
    }
    const meta = await openMeta(db);
    try {
      await writeMeta(meta, META_KEYS.schemaVersion, String(step.version));
    } finally {
      meta.close();
    }
    applied.push(step.version);
  }
  return applied;
}
