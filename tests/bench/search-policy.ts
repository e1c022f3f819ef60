/**
 * The measurements behind electron/engine/store/vector-index.ts's policy, rerun by `bench:search`:
 * exact latency against rows (the threshold), the IVF-family index types side by side (the choice),
 * and an index trained on part of a growing table (refresh against rebuild).
 */
import { Index, type Connection, type Table, type VectorQuery } from '@lancedb/lancedb';

import {
  ANN_DISTANCE,
  ANN_NPROBES,
  annIndexes,
  annRefineFactor,
  ensureVectorIndex,
} from '../../electron/engine/store/vector-index';
import { vectorSearch } from '../../electron/engine/store/vector-search';
import {
  appendClustered,
  asVectorTable,
  benchQueries,
  benchSpec,
  clusteredVectors,
  log,
  percentile,
  round,
  writeClusteredTable,
} from './search-data';

interface Latency {
  p50_ms: number;
  p95_ms: number;
}
const latency = (times: readonly number[]): Latency => ({
  p50_ms: round(percentile(times, 0.5)),
  p95_ms: round(percentile(times, 0.95)),
});

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await work();
  return [value, performance.now() - started];
}

/** Exact (flat) search latency as rows grow, at several dims: rows × dims predicts it. */
export async function exactLatencyByRows(db: Connection): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (const dims of [64, 256, 1024]) {
    const spec = benchSpec(dims);
    const queries = benchQueries(spec, 30);
    const source = clusteredVectors(spec, 5);
    const { table } = await writeClusteredTable(db, `exact_${dims}`, spec, 0, 5, source);
    let rows = 0;
    for (const target of [5_000, 10_000, 25_000, 50_000, 100_000]) {
      await appendClustered(table, source, rows, target - rows);
      rows = target;
      const vectors = asVectorTable(table, dims);
      const times: number[] = [];
      for (const [i, query] of queries.entries()) {
        const [, ms] = await timed(() => vectorSearch(vectors, query, { limit: 10 }));
        if (i >= 5) times.push(ms); // the first few warm the page cache
      }
      const p50 = percentile(times, 0.5);
      out.push({ dims, rows, ...latency(times), ns_per_value: round((p50 * 1e6) / (rows * dims), 2) });
      log(`exact ${rows} × ${dims}: p50 ${p50.toFixed(1)} ms`);
    }
    await db.dropTable(`exact_${dims}`);
  }
  return out;
}

/** recall@10 and latency of `search` over `queries` against `truth` (ids of the exact top 10). */
async function recallAndLatency(
  queries: readonly Float32Array[],
  truth: readonly Set<string>[],
  search: (query: Float32Array) => VectorQuery,
): Promise<{ recall10: number } & Latency> {
  const times: number[] = [];
  let found = 0;
  for (const [i, query] of queries.entries()) {
    const [rows, ms] = await timed(() => search(query).select(['id', '_distance']).limit(10).toArray());
    times.push(ms);
    for (const row of rows as { id: string }[]) if (truth[i]?.has(row.id)) found += 1;
  }
  return { recall10: round(found / (10 * queries.length), 3), ...latency(times) };
}

async function exactTruth(table: Table, queries: readonly Float32Array[]): Promise<Set<string>[]> {
  const out: Set<string>[] = [];
  for (const query of queries) {
    const rows = (await table
      .query()
      .nearestTo(query)
      .column('vector')
      .distanceType('l2')
      .bypassVectorIndex()
      .select(['id', '_distance'])
      .limit(10)
      .toArray()) as { id: string }[];
    out.push(new Set(rows.map((row) => row.id)));
  }
  return out;
}

/** IVF_RQ, IVF_PQ, IVF_FLAT (l2 and dot) and IVF_HNSW_SQ on one table, each with its usual query knobs. */
export async function compareIndexTypes(
  db: Connection,
  rows: number,
  dims: number,
): Promise<Record<string, unknown>[]> {
  const spec = benchSpec(dims);
  const { table } = await writeClusteredTable(db, `compare_${dims}`, spec, rows, 11);
  const queries = benchQueries(spec, 100);
  const truth = await exactTruth(table, queries);
  const partitions = Math.round(Math.sqrt(rows));
  const base = (query: Float32Array, distance: 'l2' | 'dot') =>
    table.query().nearestTo(query).column('vector').distanceType(distance);
  const variants: [string, Index, 'l2' | 'dot', [string, (q: VectorQuery) => VectorQuery][]][] = [
    [
      'IVF_RQ l2 (1 bit)',
      Index.ivfRq({ distanceType: 'l2', numPartitions: partitions, numBits: 1 }),
      'l2',
      [
        ['nprobes 20, refine 10×', (q) => q.nprobes(20).refineFactor(10)],
        ['nprobes 20, refine 30×', (q) => q.nprobes(20).refineFactor(30)],
      ],
    ],
    [
      `IVF_PQ l2 (${dims / 16} sub-vectors)`,
      Index.ivfPq({ distanceType: 'l2', numPartitions: partitions, numSubVectors: dims / 16 }),
      'l2',
      [
        ['nprobes 20, refine 10×', (q) => q.nprobes(20).refineFactor(10)],
        ['nprobes 20, refine 30×', (q) => q.nprobes(20).refineFactor(30)],
      ],
    ],
    [
      'IVF_FLAT l2',
      Index.ivfFlat({ distanceType: 'l2', numPartitions: partitions }),
      'l2',
      [
        ['nprobes 20', (q) => q.nprobes(20)],
        ['nprobes 40', (q) => q.nprobes(40)],
      ],
    ],
    [
      'IVF_FLAT dot',
      Index.ivfFlat({ distanceType: 'dot', numPartitions: partitions }),
      'dot',
      [['nprobes 20', (q) => q.nprobes(20)]],
    ],
    [
      'IVF_HNSW_SQ l2 (1 partition)',
      Index.hnswSq({ distanceType: 'l2', numPartitions: 1 }),
      'l2',
      [
        ['ef 20', (q) => q.nprobes(1).ef(20)],
        ['ef 100', (q) => q.nprobes(1).ef(100)],
      ],
    ],
  ];
  const out: Record<string, unknown>[] = [];
  for (const [name, config, distance, knobs] of variants) {
    const [, buildMs] = await timed(() => table.createIndex('vector', { config, replace: true, name: 'compare' }));
    const size = (await table.listIndices()).find((index) => index.name === 'compare')?.sizeBytes ?? null;
    for (const [knob, apply] of knobs) {
      const measured = await recallAndLatency(queries, truth, (query) => apply(base(query, distance)));
      out.push({ index: name, query: knob, build_s: round(buildMs / 1000, 1), index_bytes: size, ...measured });
      log(`compare ${name} ${knob}: ${JSON.stringify(measured)}`);
    }
    await table.dropIndex('compare');
  }
  await db.dropTable(`compare_${dims}`);
  return out;
}

/**
 * An index trained on `base` rows while the table grows to 4× with rows from new clusters (new
 * topics: the hard case for centroids trained before them). Half the queries are near the new ones.
 */
export async function refreshVersusRebuild(
  db: Connection,
  base: number,
  dims: number,
): Promise<Record<string, unknown>[]> {
  const oldSpec = benchSpec(dims);
  const newSpec = { ...oldSpec, centroidSeed: 2 };
  const { table } = await writeClusteredTable(db, 'growth', oldSpec, base, 21);
  const vectors = asVectorTable(table, dims);
  const fresh = clusteredVectors(newSpec, 22);
  const queries = [...benchQueries(oldSpec, 50), ...benchQueries(newSpec, 50)];
  let rows = base;
  const out: Record<string, unknown>[] = [];
  const measure = async (stage: string, action: string, actionMs: number) => {
    const truth = await exactTruth(table, queries);
    // What vectorSearch sends (vector-search.ts) for a limit of 10, without its index check.
    const measured = await recallAndLatency(queries, truth, (query) =>
      table
        .query()
        .nearestTo(query)
        .column('vector')
        .distanceType(ANN_DISTANCE)
        .nprobes(ANN_NPROBES)
        .refineFactor(annRefineFactor(10)),
    );
    const index = (await annIndexes(table))[0];
    out.push({
      stage,
      rows,
      trained_rows: index?.trainedRows ?? null,
      unindexed_rows: index?.unindexedRows ?? null,
      action,
      action_s: round(actionMs / 1000, 1),
      ...measured,
    });
    log(`growth ${stage}: ${JSON.stringify(out.at(-1))}`);
  };
  const [, buildMs] = await timed(() => ensureVectorIndex(vectors, { exactMaxRows: 0 }));
  await appendClustered(table, fresh, rows, base);
  rows += base;
  await measure('2× rows, the new half outside the index (scanned flat)', `build on ${base} rows`, buildMs);
  const [, refreshMs] = await timed(() => table.optimize());
  await measure('2× rows, refreshed', 'optimize', refreshMs);
  await appendClustered(table, fresh, rows, 2 * base);
  rows += 2 * base;
  const [, refresh2Ms] = await timed(() => table.optimize());
  await measure('4× rows, refreshed', 'optimize', refresh2Ms);
  const [, rebuildMs] = await timed(() => ensureVectorIndex(vectors, { exactMaxRows: 0 }));
  await measure('4× rows, rebuilt', 'retrain', rebuildMs);
  await db.dropTable('growth');
  return out;
}
