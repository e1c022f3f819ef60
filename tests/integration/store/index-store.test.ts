import { describe, expect, it } from 'vitest';

import { binaryCode } from '../../../electron/engine/encoder';
import { chunkId, IndexStore, provenanceKey, sqlEquals, sqlStartsWith } from '../../../electron/engine/store';
import { useTempDirs } from '../../fixtures/temp-dir';
import { chunks, fileRecord, PROVENANCE, unitVector } from './support';

const tempDir = useTempDirs();

async function withStore<T>(work: (store: IndexStore, dir: string) => Promise<T>, dir?: string): Promise<T> {
  const at = dir ?? (await tempDir());
  const store = await IndexStore.open(at);
  try {
    return await work(store, at);
  } finally {
    await store.close();
  }
}

describe('IndexStore files and chunks', () => {
  it('commits many files at once, then replaces and removes them', async () => {
    await withStore(async (store) => {
      const a = fileRecord('/root/a.txt');
      const b = fileRecord('/root/b.md', { format: 'md' });
      const failed = fileRecord('/root/c.pdf', {
        status: 'failed',
        errorCode: 'ENCRYPTED',
        errorMessage: 'password protected',
      });
      await store.commitFiles([
        { file: a, chunks: chunks(['alpha one', 'alpha two', 'alpha three']) },
        { file: b, chunks: chunks(['beta']) },
        { file: failed, chunks: [] },
      ]);
      expect(await store.getFile(a.path)).toMatchObject({ status: 'indexed', chunkCount: 3, hash: a.hash });
      expect(await store.getFile(failed.path)).toMatchObject({
        status: 'failed',
        errorCode: 'ENCRYPTED',
        chunkCount: 0,
      });
      const stored = await store.getChunks(a.path);
      expect(stored.map((chunk) => chunk.text)).toEqual(['alpha one', 'alpha two', 'alpha three']);
      expect(stored[1]).toMatchObject({
        id: chunkId(a.path, a.hash, 1),
        ordinal: 1,
        root: '/root',
        format: 'txt',
        language: 'en',
        location: { page: 2, pageEnd: 2, line: 11, lineEnd: 19, headings: ['H', 'h1'] },
      });

      // The file changed: new hash, fewer chunks. Old rows go, nothing duplicates.
      const a2 = fileRecord(a.path, { hash: 'new-hash', size: 50 });
      await store.commitFiles([{ file: a2, chunks: chunks(['alpha rewritten']) }]);
      expect((await store.getChunks(a.path)).map((chunk) => [chunk.text, chunk.hash])).toEqual([
        ['alpha rewritten', 'new-hash'],
      ]);
      expect(await store.getFile(a.path)).toMatchObject({ chunkCount: 1, size: 50 });

      expect((await store.listFiles()).map((file) => file.path)).toEqual([a.path, b.path, failed.path]);
      expect((await store.listFiles({ status: 'failed' })).map((file) => file.path)).toEqual([failed.path]);
      expect(await store.listFiles({ root: '/elsewhere' })).toEqual([]);

      await store.removeFiles([a.path, failed.path, '/root/never-indexed']);
      expect(await store.getFile(a.path)).toBeNull();
      expect(await store.getChunks(a.path)).toEqual([]);
      const stats = await store.stats();
      expect(stats).toMatchObject({ files: 1, chunks: 1, byStatus: { indexed: 1, pending: 0, failed: 0, skipped: 0 } });
      expect(stats.bytesOnDisk).toBeGreaterThan(0);
      expect(await store.checkConsistency()).toEqual({
        duplicateIds: 0,
        orphanChunks: 0,
        orphanVectors: 0,
        countMismatches: [],
      });
    });
  });

  it('keeps the last entry when a batch names a file twice', async () => {
    await withStore(async (store) => {
      const file = fileRecord('/root/twice.txt');
      await store.commitFiles([
        { file, chunks: chunks(['first version']) },
        { file, chunks: chunks(['second version', 'and more']) },
      ]);
      expect((await store.getChunks(file.path)).map((chunk) => chunk.text)).toEqual(['second version', 'and more']);
      expect((await store.checkConsistency()).duplicateIds).toBe(0);
    });
  });

  it('matches paths exactly whatever characters they hold', async () => {
    const paths = [
      "/root/it's here.txt",
      "/root/it''s here.txt",
      '/root/back\\slash.txt',
      '/root/back\\\\slash.txt',
      '/root/new\nline.txt',
      '/root/日本語/ファイル.txt',
      '/root/emoji 😀.txt',
      '/root/percent%_under.txt',
      "/root/x' OR '1'='1",
    ];
    await withStore(async (store) => {
      await store.commitFiles(
        paths.map((path) => ({ file: fileRecord(path, { root: "/ro'ot" }), chunks: chunks([`text of ${path}`]) })),
      );
      for (const path of paths) {
        expect((await store.getFile(path))?.path).toBe(path);
        expect((await store.getChunks(path)).map((chunk) => chunk.text)).toEqual([`text of ${path}`]);
      }
      expect(await store.listFiles({ root: "/ro'ot" })).toHaveLength(paths.length);
      // Folder filters: `%` and `_` are plain characters, a quote cannot end the literal.
      const underscore = await store.keywordSearch('text', 20, sqlStartsWith('path', '/root/percent%_'));
      expect(underscore.map((hit) => hit.chunk.path)).toEqual(['/root/percent%_under.txt']);
      const japanese = await store.keywordSearch('text', 20, sqlStartsWith('path', '/root/日本語/'));
      expect(japanese.map((hit) => hit.chunk.path)).toEqual(['/root/日本語/ファイル.txt']);
      expect(await store.keywordSearch('text', 20, sqlStartsWith('path', "/root/it's"))).toHaveLength(1);
      await store.removeFiles(["/root/it's here.txt", '/root/back\\slash.txt', "/root/x' OR '1'='1"]);
      const left = (await store.listFiles()).map((file) => file.path);
      expect(left).toHaveLength(paths.length - 3);
      expect(left).toContain("/root/it''s here.txt");
      expect(left).toContain('/root/back\\\\slash.txt');
      expect(await store.checkConsistency()).toMatchObject({ orphanChunks: 0, countMismatches: [] });
    });
  });

  it('persists across reopen: files, chunks, vectors tables and the active provenance', async () => {
    const dir = await tempDir();
    await withStore(async (store) => {
      await store.commitFiles([{ file: fileRecord('/root/a.txt'), chunks: chunks(['one', 'two']) }]);
      await store.setActiveProvenance(PROVENANCE);
      const [first] = await store.chunksAwaitingVectors(PROVENANCE, 1);
      await store.addVectors(PROVENANCE, [{ id: first?.id ?? '', vector: unitVector('x') }]);
    }, dir);
    await withStore(async (store) => {
      expect(store.recovery).toMatchObject({ pendingFiles: 0, migrated: [] });
      expect(await store.activeProvenance()).toEqual(PROVENANCE);
      expect(store.vectorTables().map((table) => table.key)).toEqual([provenanceKey(PROVENANCE)]);
      expect(await store.filesAwaitingVectors(PROVENANCE)).toBe(1);
      expect((await store.chunksAwaitingVectors(PROVENANCE, 10)).map((chunk) => chunk.text)).toHaveLength(1);
      expect((await store.stats()).vectors).toEqual({ [provenanceKey(PROVENANCE)]: 1 });
    }, dir);
  });
});

describe('IndexStore touchFiles', () => {
  it('updates size and mtime of unchanged files everywhere, keeping chunks and vectors', async () => {
    await withStore(async (store) => {
      const a = fileRecord('/root/a.txt');
      const b = fileRecord("/root/b'.txt");
      await store.commitFiles([
        { file: a, chunks: chunks(['a one', 'a two']) },
        { file: b, chunks: chunks(['b one']) },
      ]);
      const waiting = await store.chunksAwaitingVectors(PROVENANCE, 10);
      await store.addVectors(
        PROVENANCE,
        waiting.map((chunk) => ({ id: chunk.id, vector: unitVector(chunk.id) })),
      );
      const ids = (await store.getChunks(a.path)).map((chunk) => chunk.id);

      const touched = await store.touchedPaths([
        { ...a, mtimeMs: a.mtimeMs + 5000, size: 101 },
        { ...b, hash: 'different', mtimeMs: 1 },
        fileRecord('/root/unknown.txt'),
      ]);
      expect(touched).toEqual([a.path]);
      expect(await store.getFile(a.path)).toMatchObject({
        mtimeMs: a.mtimeMs + 5000,
        size: 101,
        status: 'indexed',
        chunkCount: 2,
      });
      expect(await store.getFile(b.path)).toMatchObject({ mtimeMs: b.mtimeMs });
      const after = await store.getChunks(a.path);
      expect(after.map((chunk) => [chunk.id, chunk.mtimeMs])).toEqual(ids.map((id) => [id, a.mtimeMs + 5000]));
      expect((await store.getChunks(b.path))[0]?.mtimeMs).toBe(b.mtimeMs);
      const table = await store.vectorTable(PROVENANCE);
      expect(await table.table.countRows(`mtime_ms = ${a.mtimeMs + 5000}`)).toBe(2);
      expect(await store.filesAwaitingVectors(PROVENANCE)).toBe(0);
      expect(await store.touchedPaths([{ ...a, mtimeMs: a.mtimeMs + 5000, size: 101 }])).toEqual([]);
    });
  });
});

describe('IndexStore vectors', () => {
  it('lists chunks awaiting vectors in id order, resumably, and fills them', async () => {
    await withStore(async (store) => {
      const texts = Array.from({ length: 30 }, (_, i) => `chunk ${i}`);
      await store.commitFiles([
        { file: fileRecord('/root/a.txt'), chunks: chunks(texts.slice(0, 20)) },
        { file: fileRecord('/root/b.txt'), chunks: chunks(texts.slice(20), 'ja') },
      ]);
      expect(await store.filesAwaitingVectors(PROVENANCE)).toBe(2);
      const seen: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await store.chunksAwaitingVectors(PROVENANCE, 7, after);
        if (page.length === 0) break;
        seen.push(...page.map((chunk) => chunk.id));
        after = page.at(-1)?.id;
      }
      expect(seen).toEqual([...seen].sort());
      expect(new Set(seen).size).toBe(30);

      const firstA = (await store.getChunks('/root/a.txt')).map((chunk) => chunk.id);
      const written = await store.addVectors(PROVENANCE, [
        ...firstA.map((id) => ({ id, vector: unitVector(id) })),
        { id: 'no-such-chunk', vector: unitVector('n') },
      ]);
      expect(written).toBe(20);
      expect(await store.pathsAwaitingVectors(PROVENANCE)).toEqual(['/root/b.txt']);
      // Adding the same vectors again replaces, never duplicates.
      await store.addVectors(
        PROVENANCE,
        firstA.slice(0, 5).map((id) => ({ id, vector: unitVector(id) })),
      );
      const table = await store.vectorTable(PROVENANCE);
      expect(await table.table.countRows()).toBe(20);

      await expect(
        store.addVectors(PROVENANCE, [{ id: firstA[0] ?? '', vector: new Float32Array(3) }]),
      ).rejects.toThrow(/3 dims/u);

      // Filter columns are copied, so a vector search can pre-filter; the binary code is the sign bits.
      const remaining = (await store.getChunks('/root/b.txt')).map((chunk) => chunk.id);
      await store.addVectors(
        PROVENANCE,
        remaining.map((id) => ({ id, vector: unitVector(id) })),
      );
      const target = remaining[3] ?? '';
      const hits = (await table.table
        .vectorSearch(unitVector(target))
        .where(sqlEquals('language', 'ja'))
        .limit(3)
        .toArray()) as Record<string, unknown>[];
      expect(hits[0]?.id).toBe(target);
      expect(hits.every((row) => row.language === 'ja' && row.path === '/root/b.txt')).toBe(true);
      expect(Array.from(hits[0]?.binary as Iterable<number>)).toEqual(Array.from(binaryCode(unitVector(target))));
      expect(await store.filesAwaitingVectors(PROVENANCE)).toBe(0);

      // Re-committing a file drops its vectors with its chunks; removing one drops them too.
      await store.commitFiles([{ file: fileRecord('/root/a.txt', { hash: 'changed' }), chunks: chunks(['new a']) }]);
      await store.removeFiles(['/root/b.txt']);
      expect(await table.table.countRows()).toBe(0);
      expect(await store.filesAwaitingVectors(PROVENANCE)).toBe(1);
      expect(await store.checkConsistency()).toEqual({
        duplicateIds: 0,
        orphanChunks: 0,
        orphanVectors: 0,
        countMismatches: [],
      });
    });
  });

  it('keeps one table per provenance', async () => {
    await withStore(async (store) => {
      const small = { ...PROVENANCE, dims: 8 };
      const a = await store.vectorTable(PROVENANCE);
      const b = await store.vectorTable(small);
      const again = await store.vectorTable({ ...PROVENANCE });
      expect(a.name).not.toBe(b.name);
      expect(again.name).toBe(a.name);
      expect(a.name).toMatch(/^vectors_[0-9a-f]{16}$/u);
      await expect(store.vectorTable({ ...PROVENANCE, dims: 0 })).rejects.toThrow(/dims/u);
    });
  });
});
