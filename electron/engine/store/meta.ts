import type { Table } from '@lancedb/lancedb';

import type { Row } from './rows';
import { sqlEquals, sqlString } from './sql';

/** Keys of the `meta` table (key → string value). */
export const META_KEYS = {
  schemaVersion: 'schema_version',
  activeProvenance: 'active_provenance',
  ftsConfig: 'fts_config',
  /** `vectors:<key>` → the provenance JSON of table `vectors_<key>`. */
  vectorsPrefix: 'vectors:',
} as const;

export async function readMeta(meta: Table, key: string): Promise<string | null> {
  const rows = (await meta.query().where(sqlEquals('key', key)).select(['value']).limit(2).toArray()) as Row[];
  const value: unknown = rows[0]?.value;
  return typeof value === 'string' ? value : null;
}

export async function readAllMeta(meta: Table): Promise<Map<string, string>> {
  const rows = (await meta.query().select(['key', 'value']).toArray()) as Row[];
  return new Map(
    rows.map((row) => [typeof row.key === 'string' ? row.key : '', typeof row.value === 'string' ? row.value : '']),
  );
}

/** Upsert: one atomic commit, so a crash leaves the old or the new value, never both or none. */
export async function writeMeta(meta: Table, key: string, value: string): Promise<void> {
  await meta.mergeInsert('key').whenMatchedUpdateAll().whenNotMatchedInsertAll().execute([{ key, value }]);
}

export async function deleteMeta(meta: Table, key: string): Promise<void> {
  await meta.delete(`key = ${sqlString(key)}`);
}
