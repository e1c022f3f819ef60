import { VectorQuery } from '@lancedb/lancedb';
import { describe, expect, it, vi } from 'vitest';

import { chunkId, IndexStore, sqlEquals, sqlStartsWith, type Provenance } from '../../../electron/engine/store';
import { warmBinaryCodes } from '../../../electron/engine/store/binary-tier';
import { annIndexes, annRefineFactor, ensureVectorIndex } from '../../../electron/engine/store/vector-index';
import { vectorSearch, type VectorHit } from '../../../electron/engine/store/vector-search';
import { clusteredVectors, type ClusteredVectors } from '../../fixtures/clustered-vectors';
import { useTempDirs } from '../../fixtures/temp-dir';
import { chunks, fileRecord, PROVENANCE } from './support';

const tempDir = useTempDirs();
const DIMS = 128;
const SPEC = { dims: DIMS, clusters: 24, noise: 1, centroidSeed: 7 };
const provenance: Provenance = { ...PROVENANCE, dims: DIMS };

interface StoredVector {
  readonly vector: Float32Array;
  readonly path: string;
  readonly format: string;
}

/** Files of `perFile` chunks with clustered vectors: every third a pdf, odd ones under /root/ja/. */
async function addFiles(
  store: IndexStore,
  source: ClusteredVectors,
  first: number,
  count: number,
  perFile: number,
  into: Map<string, StoredVector>,
): Promise<void> {
  const entries = Array.from({ length: count }, (_, k) => {
    const i = first + k;
    const format = i % 3 === 0 ? 'pdf' : 'txt';
    const folder = i % 2 === 1 ? 'ja' : 'en';
    const file = fileRecord(`/root/${folder}/file-${i}.${format}`, { format, hash: `h${i}` });
    return {
      file,
      chunks: chunks(
        Array.from({ length: perFile }, (_, n) => `chunk ${n} of file ${i}`),
        folder,
      ),
    };
  });
  await store.commitFiles(entries);
  const rows = entries.flatMap(({ file }) =>
    Array.from({ length: perFile }, (_, ordinal) => {
      const vector = source.next();
      const id = chunkId(file.path, file.hash, ordinal);
      into.set(id, { vector, path: file.path, format: file.format });
      return { id, vector };
    }),
  );
  expect(await store.addVectors(provenance, rows)).toBe(rows.length);
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

/** The true top `k` by cosine (the vectors are unit length), optionally among rows that `keep` accepts. */
function bruteForce(
  all: ReadonlyMap<string, StoredVector>,
  query: Float32Array,
  k: number,
  keep: (row: StoredVector) => boolean = () => true,
): { id: string; similarity: number }[] {
  return [...all]
    .filter(([, row]) => keep(row))
    .map(([id, row]) => ({ id, similarity: dot(row.vector, query) }))
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, k);
}

/** Mean share of the true top 10 found, over `queries`. */
async function recallAt10(
  all: ReadonlyMap<string, StoredVector>,
  queries: readonly Float32Array[],
  search: (query: Float32Array) => Promise<VectorHit[]>,
): Promise<number> {
  let found = 0;
  for (const query of queries) {
    const truth = new Set(bruteForce(all, query, 10).map((hit) => hit.id));
    found += (await search(query)).filter((hit) => truth.has(hit.id)).length;
  }
  return found / (10 * queries.length);
}

async function withStore(work: (store: IndexStore) => Promise<void>): Promise<void> {
  const store = await IndexStore.open(await tempDir());
  try {
    await work(store);
  } finally {
    await store.close();
  }
}

describe('vectorSearch and ensureVectorIndex', () => {
  it('searches exactly below the threshold, with pre-filters and the binary tier', async () => {
    await withStore(async (store) => {
      const all = new Map<string, StoredVector>();
      await addFiles(store, clusteredVectors(SPEC, 1), 0, 30, 40, all);
      const table = await store.vectorTable(provenance);
      const queries = clusteredVectors(SPEC, 99).batch(8);
      const query = queries.subarray(0, DIMS);

      const exact = await vectorSearch(table, query, { limit: 10 });
      expect(exact.index).toBe('exact');
      const truth = bruteForce(all, query, 10);
      expect(exact.hits.map((hit) => hit.id)).toEqual(truth.map((hit) => hit.id));
      for (const [i, hit] of exact.hits.entries()) expect(hit.similarity).toBeCloseTo(truth[i]?.similarity ?? 0, 5);
      expect(exact.hits[0]?.path).toBe(all.get(truth[0]?.id ?? '')?.path);
      // Not unit length: the query is normalised, so the order and the cosines do not change.
      const scaled = await vectorSearch(
        table,
        query.map((v) => v * 3),
        { limit: 10 },
      );
      expect(scaled.hits.map((hit) => hit.id)).toEqual(truth.map((hit) => hit.id));

      // Pre-filters: the true top 10 among the rows that match, not a filtered top 10.
      const pdf = await vectorSearch(table, query, { limit: 10, where: sqlEquals('format', 'pdf') });
      expect(pdf.hits.map((hit) => hit.id)).toEqual(
        bruteForce(all, query, 10, (row) => row.format === 'pdf').map((hit) => hit.id),
      );
      const folder = await vectorSearch(table, query, { limit: 1000, where: sqlStartsWith('path', '/root/ja/') });
      expect(folder.hits).toHaveLength(15 * 40);
      expect(folder.hits.every((hit) => hit.path.startsWith('/root/ja/'))).toBe(true);
      expect(await vectorSearch(table, query, { limit: 5, where: sqlEquals('language', 'xx') })).toEqual({
        hits: [],
        index: 'exact',
      });

      // Binary tier: first from LanceDB's hamming scan, then from the codes in memory; same quality.
      const binary = (q: Float32Array) => vectorSearch(table, q, { limit: 10, binary: true });
      const first = await binary(query);
      expect(first.index).toBe('ann');
      for (const hit of first.hits) expect(hit.similarity).toBeCloseTo(dot(all.get(hit.id)?.vector ?? query, query), 5);
      const fromLance = await recallAt10(
        all,
        [...Array(8).keys()].map((i) => queries.subarray(i * DIMS, (i + 1) * DIMS)),
        async (q) => (await binary(q)).hits,
      );
      expect(await warmBinaryCodes(table)).toBeGreaterThan((all.size * DIMS) / 8);
      const fromMemory = await recallAt10(
        all,
        [...Array(8).keys()].map((i) => queries.subarray(i * DIMS, (i + 1) * DIMS)),
        async (q) => (await binary(q)).hits,
      );
      expect(fromLance).toBeGreaterThanOrEqual(0.8);
      expect(fromMemory).toBeGreaterThanOrEqual(0.8);
      const again = await binary(query);
      for (const hit of again.hits) expect(hit.similarity).toBeCloseTo(dot(all.get(hit.id)?.vector ?? query, query), 5);
      // With a filter the binary tier pre-filters too.
      const binaryPdf = await vectorSearch(table, query, {
        limit: 10,
        binary: true,
        where: sqlEquals('format', 'pdf'),
      });
      expect(binaryPdf.hits.length).toBe(10);
      expect(binaryPdf.hits.every((hit) => all.get(hit.id)?.format === 'pdf')).toBe(true);

      await expect(vectorSearch(table, new Float32Array(DIMS + 1), { limit: 3 })).rejects.toThrow(/dims/);
      await expect(vectorSearch(table, query, { limit: 0 })).rejects.toThrow(/limit/);
    });
  });

  it('builds an ANN index past the threshold, still finds new rows, refreshes, retrains and drops it', async () => {
    await withStore(async (store) => {
      const all = new Map<string, StoredVector>();
      const source = clusteredVectors(SPEC, 2);
      await addFiles(store, source, 0, 40, 50, all); // 2 000 rows
      const table = await store.vectorTable(provenance);
      const options = { exactMaxRows: 1000, refreshUnindexedRows: 200 };
      expect(await ensureVectorIndex(table, { exactMaxRows: 5000 })).toBe('none');
      expect(await ensureVectorIndex(table, options)).toBe('built');
      expect(await ensureVectorIndex(table, options)).toBe('unchanged');
      expect((await annIndexes(table.table)).map((index) => index.trainedRows)).toEqual([2000]);

      const queries = clusteredVectors(SPEC, 98).batch(20);
      const queryList = [...Array(20).keys()].map((i) => queries.subarray(i * DIMS, (i + 1) * DIMS));
      const ann = await vectorSearch(table, queryList[0] ?? queries, { limit: 10 });
      expect(ann.index).toBe('ann');
      const recall = await recallAt10(all, queryList, async (q) => (await vectorSearch(table, q, { limit: 10 })).hits);
      expect(recall).toBeGreaterThanOrEqual(0.9);
      for (const hit of ann.hits)
        expect(hit.similarity).toBeCloseTo(dot(all.get(hit.id)?.vector ?? queries, queryList[0] ?? queries), 5);
      // Fewer rows re-ranked (the duplicates job's setting): LanceDB is asked for that refine factor, and a
      // stored row still finds itself first with exact similarities.
      const refine = vi.spyOn(VectorQuery.prototype, 'refineFactor');
      try {
        const [ownId, own] = [...all][7] ?? ['', { vector: queries }];
        const few = await vectorSearch(table, own.vector, { limit: 10, refineCandidates: 40 });
        expect(refine.mock.calls.map(([factor]) => factor)).toEqual([4]);
        expect(few.hits[0]).toMatchObject({ id: ownId });
        for (const hit of few.hits)
          expect(hit.similarity).toBeCloseTo(dot(all.get(hit.id)?.vector ?? queries, own.vector), 5);
        await vectorSearch(table, own.vector, { limit: 10 });
        expect(refine.mock.calls.at(-1)?.[0]).toBe(annRefineFactor(10));
      } finally {
        refine.mockRestore();
      }
      // A narrow filter on an indexed table: its few rows are scored exactly, all of them found.
      const oneFile = await vectorSearch(table, queryList[0] ?? queries, {
        limit: 60,
        where: sqlEquals('path', '/root/en/file-4.txt'),
      });
      expect(oneFile.index).toBe('exact');
      expect(oneFile.hits).toHaveLength(50);
      const pdfTruth = bruteForce(all, queryList[0] ?? queries, 10, (row) => row.format === 'pdf');
      const pdf = await vectorSearch(table, queryList[0] ?? queries, { limit: 10, where: sqlEquals('format', 'pdf') });
      expect(pdf.hits.map((hit) => hit.id)).toEqual(pdfTruth.map((hit) => hit.id));
      for (const [i, hit] of pdf.hits.entries()) expect(hit.similarity).toBeCloseTo(pdfTruth[i]?.similarity ?? 0, 5);

      // Rows written after the build are searched too (LanceDB scans them flat) until a refresh.
      const before = new Set(all.keys());
      await addFiles(store, source, 40, 5, 50, all);
      const added = [...all.keys()].filter((id) => !before.has(id));
      for (const id of added.slice(0, 5)) {
        const hit = (await vectorSearch(table, all.get(id)?.vector ?? queries, { limit: 1 })).hits[0];
        expect(hit).toMatchObject({ id });
        expect(hit?.similarity).toBeCloseTo(1, 5);
      }
      expect(await ensureVectorIndex(table, options)).toBe('refreshed');
      expect((await annIndexes(table.table))[0]).toMatchObject({
        indexedRows: 2250,
        unindexedRows: 0,
        trainedRows: 2000,
      });
      expect((await vectorSearch(table, all.get(added[0] ?? '')?.vector ?? queries, { limit: 1 })).hits[0]?.id).toBe(
        added[0],
      );

      // Past twice the trained rows: retrained, one index left.
      await addFiles(store, source, 45, 40, 50, all); // 4 250 rows
      expect(await ensureVectorIndex(table, options)).toBe('rebuilt');
      expect((await annIndexes(table.table)).map((index) => index.trainedRows)).toEqual([4250]);
      expect(
        await recallAt10(all, queryList, async (q) => (await vectorSearch(table, q, { limit: 10 })).hits),
      ).toBeGreaterThanOrEqual(0.9);

      // Shrunk below half the threshold: the index goes, search is exact again.
      const paths = [...new Set([...all.values()].map((row) => row.path))];
      await store.removeFiles(paths.slice(8));
      expect(await ensureVectorIndex(table, options)).toBe('none');
      expect(await annIndexes(table.table)).toEqual([]);
      expect((await vectorSearch(table, queryList[0] ?? queries, { limit: 10 })).index).toBe('exact');
    });
  });
});
