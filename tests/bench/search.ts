/**
 * `npm run bench:search` part 1 (`tsx tests/bench/search.ts`): vector search on generated clustered
 * unit vectors (tests/fixtures/clustered-vectors.ts: 2 000 random centroids, noise σ = 1/√dims per
 * value; random uniform unit vectors would be the worst case and are not used) at 100 K and 1 M rows,
 * 256 and 1024 dims. For each: exact latency (which is also the ground truth, 100 held-out queries near
 * the clusters), ANN build time, ANN latency and recall@10, binary tier + rescoring recall@10 and
 * latency, storage. Variants are interleaved per query (the order rotates) so drift on this shared
 * machine hits them alike. Then the policy measurements (search-policy.ts). Results are merged into
 * tests/bench/results/search.{json,md}; part 2 (search-e2e.ts, the end-to-end query) adds its own keys
 * and section.
 *
 * Environment: BENCH_SEARCH_CONFIGS (default `100000x256,100000x1024,1000000x256,1000000x1024`),
 * BENCH_SEARCH_QUERIES (100), BENCH_SEARCH_POLICY=0 to skip the policy sections, BENCH_SEARCH_RESULTS_DIR
 * (tests/bench/results).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

import { connect, type Connection } from '@lancedb/lancedb';

import { binaryCode } from '../../electron/engine/encoder/vectors';
import { binaryCandidates, binarySearch, warmBinaryCodes } from '../../electron/engine/store/binary-tier';
import { configureLanceRuntime } from '../../electron/engine/store/lance-runtime';
import { sqlEquals, sqlStartsWith } from '../../electron/engine/store/sql';
import type { VectorTable } from '../../electron/engine/store/types';
import {
  ANN_DISTANCE,
  ANN_NPROBES,
  ANN_REFINE_CANDIDATES,
  annIndexes,
  ensureVectorIndex,
  exactMaxRows,
} from '../../electron/engine/store/vector-index';
import { vectorSearch } from '../../electron/engine/store/vector-search';
import {
  asVectorTable,
  BENCH_CLUSTERS,
  BENCH_NOISE,
  benchQueries,
  benchSpec,
  log,
  percentile,
  round,
  writeClusteredTable,
} from './search-data';
import { compareIndexTypes, exactLatencyByRows, refreshVersusRebuild } from './search-policy';
import {
  searchMarkdown,
  type ConfigResult,
  type SearchBenchResults,
  type FilteredResult,
  type VariantResult,
} from './search-report';
import { benchMachine, loadNow } from './workload';

const CONFIGS = (process.env['BENCH_SEARCH_CONFIGS'] ?? '100000x256,100000x1024,1000000x256,1000000x1024')
  .split(',')
  .map((pair) => pair.split('x').map(Number) as [number, number]);
const QUERIES = Number(process.env['BENCH_SEARCH_QUERIES'] ?? 100);
const FILTERED_QUERIES = Math.min(QUERIES, 20);
/** Rows the Searcher asks vectorSearch for (candidatesFor(20, 3) in search/searcher.ts). */
const SEARCHER_LIMIT = 120;
const RESULTS_DIR = process.env['BENCH_SEARCH_RESULTS_DIR'] ?? join(import.meta.dirname, 'results');

type Variant = (query: Float32Array) => Promise<string[]>;

interface Samples {
  times: number[];
  /** Process CPU time (all threads) per query: unlike wall time, barely moved by other processes' load. */
  cpu: number[];
  found: number;
}

/** Every variant on every query, the order rotating per query; recall against `truth` where it applies. */
async function interleaved(
  queries: readonly Float32Array[],
  truth: readonly Set<string>[],
  variants: Record<string, Variant>,
): Promise<Record<string, VariantResult>> {
  const names = Object.keys(variants);
  const samples: Record<string, Samples> = Object.fromEntries(
    names.map((name) => [name, { times: [], cpu: [], found: 0 }]),
  );
  for (const query of queries.slice(0, 3)) for (const name of names) await variants[name]?.(query);
  for (const [i, query] of queries.entries()) {
    for (let k = 0; k < names.length; k += 1) {
      const name = names[(i + k) % names.length] ?? '';
      const cpuStart = process.cpuUsage();
      const started = performance.now();
      const ids = (await variants[name]?.(query)) ?? [];
      samples[name]?.times.push(performance.now() - started);
      const cpu = process.cpuUsage(cpuStart);
      samples[name]?.cpu.push((cpu.user + cpu.system) / 1000);
      const sample = samples[name];
      if (sample) sample.found += ids.filter((id) => truth[i]?.has(id)).length;
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, s]) => [
      name,
      {
        p50_ms: round(percentile(s.times, 0.5)),
        p95_ms: round(percentile(s.times, 0.95)),
        cpu_p50_ms: round(percentile(s.cpu, 0.5)),
        recall10: name.startsWith('first_pass') ? null : round(s.found / (10 * queries.length), 3),
      },
    ]),
  );
}

/**
 * `vectorSearch` with a filter (⅓ of the rows: IVF with scaled probes; 1 %: the matches scored exactly)
 * against LanceDB's flat filtered search as the truth — ≈ 1 s a query at 1 M rows, hence fewer queries.
 */
async function filteredVariant(
  vectors: VectorTable,
  queries: readonly Float32Array[],
  where: string,
): Promise<FilteredResult> {
  const times: number[] = [];
  let found = 0;
  let index = '';
  for (const query of queries) {
    const truth = (await vectors.table
      .query()
      .nearestTo(query)
      .column('vector')
      .distanceType(ANN_DISTANCE)
      .where(where)
      .bypassVectorIndex()
      .select(['id', '_distance'])
      .limit(10)
      .toArray()) as { id: string }[];
    const started = performance.now();
    const result = await vectorSearch(vectors, query, { limit: 10, where });
    times.push(performance.now() - started);
    index = result.index;
    found += result.hits.filter((hit) => truth.some((row) => row.id === hit.id)).length;
  }
  return {
    where,
    matches: await vectors.table.countRows(where),
    index,
    p50_ms: round(percentile(times, 0.5)),
    p95_ms: round(percentile(times, 0.95)),
    recall10: round(found / (10 * queries.length), 3),
  };
}

async function benchConfig(db: Connection, rows: number, dims: number): Promise<ConfigResult> {
  const spec = benchSpec(dims);
  const name = `bench_${rows}_${dims}`;
  log(`${rows} × ${dims}: writing`);
  const loadStart = round(loadavg()[0] ?? 0);
  const { table, seconds: writeSeconds } = await writeClusteredTable(db, name, spec, rows, 7);
  const vectors = asVectorTable(table, dims);
  const queries = benchQueries(spec, QUERIES);

  // Exact first (no index yet): its answers are the ground truth.
  for (const query of queries.slice(0, 3)) await vectorSearch(vectors, query, { limit: 10 });
  const exactTimes: number[] = [];
  const truth: Set<string>[] = [];
  const cpuStart = process.cpuUsage();
  for (const query of queries) {
    const started = performance.now();
    const result = await vectorSearch(vectors, query, { limit: 10 });
    exactTimes.push(performance.now() - started);
    if (result.index !== 'exact') throw new Error(`expected an exact search, got ${result.index}`);
    truth.push(new Set(result.hits.map((hit) => hit.id)));
  }
  const exactCpu = process.cpuUsage(cpuStart);
  log(`${rows} × ${dims}: exact p50 ${percentile(exactTimes, 0.5).toFixed(1)} ms; building the ANN index`);

  let started = performance.now();
  const action = await ensureVectorIndex(vectors);
  const buildSeconds = (performance.now() - started) / 1000;
  const index = (await table.listIndices()).find((info) => info.columns[0] === 'vector');
  started = performance.now();
  const codeBytes = await warmBinaryCodes(vectors);
  const warmMs = performance.now() - started;
  log(`${rows} × ${dims}: ${action} in ${buildSeconds.toFixed(1)} s; codes loaded in ${warmMs.toFixed(0)} ms`);

  const ids = (hits: readonly { id: string }[]) => hits.map((hit) => hit.id);
  const raw =
    (nprobes: number, candidates: number): Variant =>
    async (query) => {
      const found = (await table
        .query()
        .nearestTo(query)
        .column('vector')
        .distanceType(ANN_DISTANCE)
        .nprobes(nprobes)
        .refineFactor(Math.ceil(candidates / 10))
        .select(['id', '_distance'])
        .limit(10)
        .toArray()) as { id: string }[];
      return ids(found);
    };
  const binaryWith =
    (candidates: number): Variant =>
    async (query) =>
      ids((await binarySearch(vectors, query, 10, undefined, candidates)).hits);
  // The Searcher asks for 120 rows; recall@10 is then that of the first 10.
  const searcherLimit =
    (binary: boolean): Variant =>
    async (query) =>
      ids((await vectorSearch(vectors, query, { limit: SEARCHER_LIMIT, binary })).hits).slice(0, 10);
  const measured = await interleaved(queries, truth, {
    ann: async (query) => ids((await vectorSearch(vectors, query, { limit: 10 })).hits),
    binary: async (query) => ids((await vectorSearch(vectors, query, { limit: 10, binary: true })).hits),
    ann_limit_120: searcherLimit(false),
    binary_limit_120: searcherLimit(true),
    binary_candidates_100: binaryWith(100),
    binary_candidates_200: binaryWith(200),
    binary_candidates_800: binaryWith(800),
    [`ann_nprobes_${ANN_NPROBES / 2}`]: raw(ANN_NPROBES / 2, ANN_REFINE_CANDIDATES),
    [`ann_nprobes_${ANN_NPROBES * 2}`]: raw(ANN_NPROBES * 2, ANN_REFINE_CANDIDATES),
    ann_candidates_100: raw(ANN_NPROBES, 100),
    ann_candidates_600: raw(ANN_NPROBES, 600),
    // LanceDB's own flat hamming scan for the same candidates (what the binary tier replaces by hamming.ts).
    first_pass_lance_hamming: async (query) => {
      await table
        .query()
        .nearestTo(binaryCode(query))
        .column('binary')
        .distanceType('hamming' as 'l2')
        .select(['_distance'])
        .limit(binaryCandidates(10))
        .toArray();
      return [];
    },
  });
  const filtered = {
    where_third: await filteredVariant(vectors, queries.slice(0, FILTERED_QUERIES), sqlEquals('format', 'pdf')),
    where_folder_1pct: await filteredVariant(
      vectors,
      queries.slice(0, FILTERED_QUERIES),
      sqlStartsWith('path', '/bench/7/'),
    ),
  };
  const ann = measured['ann'];
  const binary = measured['binary'];
  const exactP50 = percentile(exactTimes, 0.5);
  const floatBytes = rows * dims * 4;
  const result: ConfigResult & Record<string, unknown> = {
    rows,
    dims,
    measured_at: new Date().toISOString(),
    loadavg_1m: { start: loadStart, end: round(loadavg()[0] ?? 0) },
    write_s: round(writeSeconds, 1),
    exact: {
      p50_ms: round(exactP50),
      p95_ms: round(percentile(exactTimes, 0.95)),
      cpu_ms_per_query: round((exactCpu.user + exactCpu.system) / 1000 / queries.length, 1),
    },
    ann_index: {
      action,
      build_s: round(buildSeconds, 1),
      type: index?.indexType ?? null,
      name: index?.name ?? null,
      bytes: index?.sizeBytes ?? null,
      trained_rows: (await annIndexes(table))[0]?.trainedRows ?? null,
      exact_max_rows_at_these_dims: exactMaxRows(dims),
    },
    variants: measured,
    filtered,
    exact_over_ann_p50: ann ? round(exactP50 / ann.p50_ms, 1) : null,
    binary_over_ann_p50: ann && binary ? round(binary.p50_ms / ann.p50_ms, 2) : null,
    binary_codes: { load_ms: round(warmMs, 0), memory_bytes: codeBytes },
    storage: {
      float_bytes: floatBytes,
      binary_bytes: rows * Math.ceil(dims / 8),
      binary_storage_ratio: round((rows * Math.ceil(dims / 8)) / floatBytes, 5),
    },
  };
  log(`${rows} × ${dims}: ${JSON.stringify({ exact: result.exact, ann, binary })}`);
  await db.dropTable(name);
  return result;
}

const jsonPath = () => join(RESULTS_DIR, 'search.json');

async function readExisting(): Promise<Partial<SearchBenchResults> & Record<string, unknown>> {
  return existsSync(jsonPath())
    ? (JSON.parse(await readFile(jsonPath(), 'utf8')) as Partial<SearchBenchResults> & Record<string, unknown>)
    : {};
}

/** Part 2's keys and section (search-e2e.ts) are kept; so are configs and policy this run did not measure. */
async function writeResults(
  existing: Record<string, unknown>,
  results: SearchBenchResults & Record<string, unknown>,
): Promise<void> {
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(jsonPath(), `${JSON.stringify({ ...existing, ...results }, null, 2)}\n`);
  const mdPath = join(RESULTS_DIR, 'search.md');
  const previous = existsSync(mdPath) ? await readFile(mdPath, 'utf8') : '';
  const cut = previous.indexOf('\n## End-to-end query latency');
  await writeFile(mdPath, `${searchMarkdown(results).trimEnd()}\n${cut >= 0 ? previous.slice(cut) : ''}`);
}

async function main(): Promise<void> {
  configureLanceRuntime();
  const loadAtStart = loadNow();
  const dir = await mkdtemp(join(tmpdir(), 'polyseek-bench-search-'));
  const db = await connect(dir);
  try {
    const measured: ConfigResult[] = [];
    for (const [rows, dims] of CONFIGS) measured.push(await benchConfig(db, rows, dims));
    const existing = await readExisting();
    const kept = (existing.vector_search?.configs ?? []).filter(
      (old) => !measured.some((c) => c.rows === old.rows && c.dims === old.dims),
    );
    const configs = [...kept, ...measured].sort((a, b) => a.rows - b.rows || a.dims - b.dims);
    const policy =
      process.env['BENCH_SEARCH_POLICY'] === '0'
        ? (existing.vector_search?.policy ?? null)
        : {
            exact_by_rows: await exactLatencyByRows(db),
            index_types_200k_256: await compareIndexTypes(db, 200_000, 256),
            refresh_vs_rebuild_256: await refreshVersusRebuild(db, 100_000, 256),
          };
    const find = (rows: number, dims: number) => configs.find((c) => c.rows === rows && c.dims === dims);
    const headline = find(1_000_000, 256);
    const results: SearchBenchResults & Record<string, unknown> = {
      ann_1m_256_p50_ms: headline?.variants['ann']?.p50_ms ?? null,
      ann_1m_256_p95_ms: headline?.variants['ann']?.p95_ms ?? null,
      ann_1m_256_recall10: headline?.variants['ann']?.recall10 ?? null,
      /** The binary tier at 1 M × 256, the hardest case for 256-bit codes (recall per config in vector_search). */
      binary_recall10: headline?.variants['binary']?.recall10 ?? null,
      binary_p50_ms: headline?.variants['binary']?.p50_ms ?? null,
      binary_storage_ratio: configs[0]?.storage.binary_storage_ratio ?? null,
      machine: benchMachine(loadAtStart),
      date: new Date().toISOString(),
      vector_search: {
        data: `clustered unit vectors: ${BENCH_CLUSTERS} random centroids, noise σ = ${BENCH_NOISE}/√dims per value, renormalised (random uniform vectors, the worst case, are not used); ${QUERIES} held-out queries near the clusters; ground truth = exact search of the same table`,
        policy_constants: {
          exact_max_rows_256: exactMaxRows(256),
          exact_max_rows_1024: exactMaxRows(1024),
          nprobes: ANN_NPROBES,
          refine_candidates: ANN_REFINE_CANDIDATES,
          binary_candidates_at_limit_10: binaryCandidates(10),
          binary_candidates_at_limit_120: binaryCandidates(SEARCHER_LIMIT),
        },
        configs,
        policy,
      },
    };
    await writeResults(existing, results);
    log(`results merged into ${RESULTS_DIR}/search.{json,md}`);
  } finally {
    db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
