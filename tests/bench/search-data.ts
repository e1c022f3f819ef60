/**
 * Data for the vector-search benchmark: vectors tables filled with clustered unit vectors
 * (tests/fixtures/clustered-vectors.ts) written in streamed batches, so 1 M × 1024 (4 GB of float32)
 * never sits in memory whole, let alone twice. Shared by tests/bench/search.ts and search-policy.ts.
 */
import { type Connection, type Table } from '@lancedb/lancedb';
import type * as Arrow from 'apache-arrow';

import { binaryCode } from '../../electron/engine/encoder/vectors';
import { arrow } from '../../electron/engine/store/arrow';
import { vectorsSchema } from '../../electron/engine/store/schemas';
import type { Provenance, VectorTable } from '../../electron/engine/store/types';
import { clusteredVectors, type ClusterSpec, type ClusteredVectors } from '../fixtures/clustered-vectors';

export { clusteredVectors, type ClusterSpec } from '../fixtures/clustered-vectors';

/** 2 000 clusters, noise 1 (cosine to the centroid ≈ 0.71, within a cluster ≈ 0.5): see the fixture. */
export const BENCH_CLUSTERS = 2000;
export const BENCH_NOISE = 1;
const BATCH_ROWS = 50_000;
const FORMATS = ['pdf', 'txt', 'md'];
const LANGUAGES = ['en', 'ja', 'de'];

export const percentile = (values: readonly number[], p: number): number =>
  [...values].sort((a, b) => a - b)[Math.floor(p * (values.length - 1))] ?? 0;
export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));
export const log = (message: string): void => {
  process.stderr.write(`${new Date().toISOString()} [bench:search] ${message}\n`);
};

export function benchSpec(dims: number): ClusterSpec {
  return { dims, clusters: BENCH_CLUSTERS, noise: BENCH_NOISE, centroidSeed: 1 };
}

/** One Arrow table of `count` rows in the vectors layout (ids `r<n>`, 20 chunks per file, filter columns cycled). */
function vectorBatch(dims: number, first: number, count: number, values: Float32Array): Arrow.Table {
  const { Field, FixedSizeList, Float32, Float64, RecordBatch, Struct, Table, Uint8, Utf8, makeData, vectorFromArray } =
    arrow;
  const schema = vectorsSchema(dims);
  const rows = Array.from({ length: count }, (_, k) => first + k);
  const strings = (make: (row: number) => string): Arrow.Data => {
    const data = vectorFromArray(rows.map(make), new Utf8()).data[0];
    if (!data) throw new Error('an empty string column');
    return data;
  };
  const width = Math.ceil(dims / 8);
  const codes = new Uint8Array(count * width);
  for (let r = 0; r < count; r += 1) codes.set(binaryCode(values.subarray(r * dims, (r + 1) * dims)), r * width);
  const floats = makeData({
    type: new FixedSizeList(dims, new Field('item', new Float32(), true)),
    length: count,
    nullCount: 0,
    child: makeData({ type: new Float32(), length: count * dims, data: values }),
  });
  const bits = makeData({
    type: new FixedSizeList(width, new Field('item', new Uint8(), true)),
    length: count,
    nullCount: 0,
    child: makeData({ type: new Uint8(), length: count * width, data: codes }),
  });
  const children: Arrow.Data[] = [
    strings((row) => `r${String(row).padStart(8, '0')}`),
    strings((row) => `/bench/${Math.floor(row / 20) % 100}/file-${Math.floor(row / 20)}.txt`),
    strings(() => '/bench'),
    strings((row) => FORMATS[Math.floor(row / 20) % FORMATS.length] ?? 'txt'),
    makeData({ type: new Float64(), length: count, data: Float64Array.from(rows, (row) => 1.7e12 + row) }),
    strings((row) => LANGUAGES[Math.floor(row / 20) % LANGUAGES.length] ?? 'en'),
    floats,
    bits,
  ];
  const batch = new RecordBatch(
    schema,
    makeData({ type: new Struct(schema.fields), length: count, nullCount: 0, children }),
  );
  const out: Arrow.Table = new Table(schema, batch);
  return out;
}

export function benchProvenance(dims: number): Provenance {
  return {
    modelId: 'bench',
    modelChecksum: 'generated',
    precision: 'fp32',
    task: 'retrieval.passage',
    prefix: true,
    dims,
    chunkerVersion: 1,
  };
}

/** Wraps a LanceDB table as a `VectorTable`, the shape vectorSearch/ensureVectorIndex take. */
export function asVectorTable(table: Table, dims: number): VectorTable {
  return { key: table.name, name: table.name, provenance: benchProvenance(dims), table };
}

/**
 * Creates `name` and appends `rows` clustered vectors (`seed` picks the stream) in batches of 50 000.
 * Returns the table and how long generating and writing took.
 */
export async function writeClusteredTable(
  db: Connection,
  name: string,
  spec: ClusterSpec,
  rows: number,
  seed: number,
  source: ClusteredVectors = clusteredVectors(spec, seed),
): Promise<{ table: Table; seconds: number }> {
  const started = performance.now();
  const table = await db.createEmptyTable(name, vectorsSchema(spec.dims), { mode: 'overwrite' });
  for (let first = 0; first < rows; first += BATCH_ROWS) {
    const count = Math.min(BATCH_ROWS, rows - first);
    await table.add(vectorBatch(spec.dims, first, count, source.batch(count)));
    if ((first / BATCH_ROWS) % 5 === 4) log(`${name}: wrote ${first + count} rows`);
  }
  return { table, seconds: (performance.now() - started) / 1000 };
}

/** Appends `rows` more rows to a table written by {@link writeClusteredTable}, ids continuing at `first`. */
export async function appendClustered(
  table: Table,
  source: ClusteredVectors,
  first: number,
  rows: number,
): Promise<void> {
  for (let at = first; at < first + rows; at += BATCH_ROWS) {
    const count = Math.min(BATCH_ROWS, first + rows - at);
    await table.add(vectorBatch(source.spec.dims, at, count, source.batch(count)));
  }
}

/** `count` held-out queries: new points near the same clusters (their own seed). */
export function benchQueries(spec: ClusterSpec, count: number, seed = 424_242): Float32Array[] {
  const values = clusteredVectors(spec, seed).batch(count);
  return Array.from({ length: count }, (_, i) => values.subarray(i * spec.dims, (i + 1) * spec.dims));
}
