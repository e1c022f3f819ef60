import type { Connection } from '@lancedb/lancedb';

import type { StoreMigration } from './types';

async function addColumnIfMissing(db: Connection, table: string, column: string, sql: string): Promise<void> {
  const handle = await db.openTable(table);
  try {
    const schema = await handle.schema();
    if (schema.fields.some((field) => field.name === column)) return;
    await handle.addColumns([{ name: column, valueSql: sql }]);
  } finally {
    handle.close();
  }
}

/**
 * Per-chunk and per-file language, for the search language filter (issue 6). Rows written before it
 * get `und` (chunks) and null (files) until their file is indexed again.
 */
export const languageColumns: StoreMigration = {
  version: 2,
  name: 'language columns on files and chunks',
  async up(db) {
    await addColumnIfMissing(db, 'files', 'language', 'CAST(NULL AS STRING)');
    await addColumnIfMissing(db, 'chunks', 'language', "'und'");
  },
};
