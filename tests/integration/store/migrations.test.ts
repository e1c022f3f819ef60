import { connect } from '@lancedb/lancedb';
import { describe, expect, it } from 'vitest';

import { IndexStore, migrateStore, readSchemaVersion, STORE_SCHEMA_VERSION } from '../../../electron/engine/store';
import { chunksSchema, filesSchema, metaSchema } from '../../../electron/engine/store/schemas';
import { useTempDirs } from '../../fixtures/temp-dir';

const tempDir = useTempDirs();

describe('store schema migrations', () => {
  it('creates a fresh index at the current version', async () => {
    const store = await IndexStore.open(await tempDir());
    expect(store.recovery.migrated).toEqual([1, 2]);
    expect(STORE_SCHEMA_VERSION).toBe(2);
    await store.close();
  });

  it('ends, through every step, at the current layout of schemas.ts', async () => {
    const dir = await tempDir();
    const db = await connect(dir);
    await migrateStore(db);
    const layout = async (name: string) =>
      (await (await db.openTable(name)).schema()).fields.map((field) => [
        field.name,
        String(field.type),
        field.nullable,
      ]);
    const expected = (schema: ReturnType<typeof filesSchema>) =>
      schema.fields.map((field) => [field.name, String(field.type), field.nullable]);
    // Order aside (addColumns appends), the migrated tables are what a fresh layout would be.
    const sorted = (fields: unknown[][]) => [...fields].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(sorted(await layout('files'))).toEqual(sorted(expected(filesSchema())));
    expect(sorted(await layout('chunks'))).toEqual(sorted(expected(chunksSchema())));
    expect(sorted(await layout('meta'))).toEqual(sorted(expected(metaSchema())));
    db.close();
  });

  it('migrates a version-1 index with data, keeping its rows', async () => {
    const dir = await tempDir();
    const db = await connect(dir);
    expect(await migrateStore(db, 1)).toEqual([1]);
    const files = await db.openTable('files');
    await files.add([
      {
        path: '/old/a.txt',
        root: '/old',
        size: 3,
        mtime_ms: 1,
        hash: 'h',
        status: 'indexed',
        error_code: null,
        error_message: null,
        chunk_count: 1,
        indexed_at: '2025-01-01T00:00:00.000Z',
        extractor: 'text@1',
        format: 'txt',
        title: null,
      },
    ]);
    const chunks = await db.openTable('chunks');
    await chunks.add([
      {
        id: 'old-id',
        path: '/old/a.txt',
        root: '/old',
        format: 'txt',
        mtime_ms: 1,
        hash: 'h',
        ordinal: 0,
        text: 'written before languages were stored',
        tokens: 6,
        page: null,
        page_end: null,
        line: 1,
        line_end: 1,
        section: null,
        headings: [],
      },
    ]);
    expect(await readSchemaVersion(db)).toBe(1);
    files.close();
    chunks.close();
    db.close();

    const store = await IndexStore.open(dir);
    try {
      expect(store.recovery.migrated).toEqual([2]);
      expect(await store.getFile('/old/a.txt')).toMatchObject({ status: 'indexed', language: null, chunkCount: 1 });
      expect(await store.getChunks('/old/a.txt')).toMatchObject([
        { id: 'old-id', language: 'und', location: { line: 1 } },
      ]);
      expect((await store.keywordSearch('languages', 3))[0]?.chunk.id).toBe('old-id');
      expect(await store.checkConsistency()).toMatchObject({ duplicateIds: 0, orphanChunks: 0, countMismatches: [] });
    } finally {
      await store.close();
    }
    const again = await IndexStore.open(dir);
    expect(again.recovery.migrated).toEqual([]);
    await again.close();
  });

  it('runs an interrupted step again (steps are idempotent)', async () => {
    const dir = await tempDir();
    const db = await connect(dir);
    await migrateStore(db, 2);
    // As if the process died after step 2 ran but before meta recorded it.
    const meta = await db.openTable('meta');
    await meta.update({ where: "key = 'schema_version'", values: { value: '1' } });
    meta.close();
    expect(await migrateStore(db)).toEqual([2]);
    expect(await readSchemaVersion(db)).toBe(2);
    db.close();
  });

  it('refuses an index written by a newer Polyseek', async () => {
    const dir = await tempDir();
    const db = await connect(dir);
    await migrateStore(db);
    const meta = await db.openTable('meta');
    await meta.update({ where: "key = 'schema_version'", values: { value: '99' } });
    meta.close();
    db.close();
    await expect(IndexStore.open(dir)).rejects.toThrow(/newer Polyseek \(schema 99/u);
  });
});
