/**
 * `npm run bench:search` part 2 (`tsx tests/bench/search-e2e.ts`): end-to-end query latency — the whole
 * `search.query` command (query embedding with the full-size synthetic jina-v3, int8 when
 * model_int8.onnx exists; vector search ∥ n-gram keyword search; fusion; grouping; snippets) — over an
 * index of BENCH_E2E_CHUNKS (default 100 000) chunks. Goal: p50 ≤ 120 ms on the 2-core machine.
 *
 * The chunks are real corpus sentences (UDHR in 12 languages, Markdown READMEs) shuffled into ≈1 200-
 * character passages, so keyword search meets a realistic vocabulary. Their vectors are generated
 * (clustered unit vectors, as in part 1): encoding 100 K passages with the full model would take hours
 * here, and a vector's values do not change what searching it costs. The provenance is the real one of
 * the loaded model (a small real indexing run sets it), so the command takes its normal path.
 * Every measured query is new text: the in-memory query cache would otherwise skip the encoder.
 * Results are merged into tests/bench/results/search.{json,md} (`query_e2e_*`).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Chunk } from '../../electron/engine/chunk/types';
import { openRuntime } from '../../electron/engine/runtime';
import { chunkId, type IndexStore, type Provenance } from '../../electron/engine/store';
import { LICENSE_ID, MODEL_ID, type Precision, type Result, type SearchResult } from '../../shared';
import { CORPUS_DIR } from '../fixtures/corpus';
import { ensureSyntheticModel } from '../fixtures/synthetic-model';
import { fileRecord } from '../integration/store/support';

const CHUNKS = Number(process.env['BENCH_E2E_CHUNKS'] ?? 100_000);
const PER_FILE = 50;
const QUERIES = Number(process.env['BENCH_E2E_QUERIES'] ?? 60);
const RESULTS_DIR = join(import.meta.dirname, 'results');
const log = (message: string) => process.stderr.write(`[bench:search-e2e] ${message}\n`);
const percentile = (values: readonly number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.floor(p * (values.length - 1))] ?? 0;
const round = (x: number) => Math.round(x * 10) / 10;

/** Deterministic xorshift32 in [0, 1). */
function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

async function corpusSentences(): Promise<string[]> {
  const texts: string[] = [];
  const udhr = join(CORPUS_DIR, '04-parallel', 'udhr');
  for (const name of await readdir(udhr))
    texts.push((await readFile(join(udhr, name), 'utf8')).replaceAll(/<[^>]+>/gu, ' '));
  const md = join(CORPUS_DIR, '03-web-markup-text', 'markdown');
  for (const name of await readdir(md, { recursive: true })) {
    if (name.endsWith('.md')) texts.push(await readFile(join(md, name), 'utf8'));
  }
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });
  const out: string[] = [];
  for (const text of texts) {
    for (const { segment } of segmenter.segment(text.replaceAll(/\s+/gu, ' '))) {
      const sentence = segment.trim();
      if (sentence.length >= 20 && sentence.length <= 400) out.push(sentence);
    }
  }
  return out;
}

/** Clustered unit vectors: 1 000 random centroids, each point a centroid plus Gaussian noise (σ 0.5/√dims per value). */
function vectorSource(dims: number, random: () => number): () => Float32Array {
  const gaussian = () => Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());
  const unit = (v: Float32Array) => {
    let n = 0;
    for (const x of v) n += x * x;
    n = Math.sqrt(n);
    for (let i = 0; i < v.length; i += 1) v[i] = (v[i] ?? 0) / n;
    return v;
  };
  const centroids = Array.from({ length: 1000 }, () => unit(Float32Array.from({ length: dims }, gaussian)));
  const sigma = 0.5 / Math.sqrt(dims);
  return () => {
    const c = centroids[Math.floor(random() * centroids.length)] ?? centroids[0];
    return unit(Float32Array.from(c ?? [], (x) => x + sigma * gaussian()));
  };
}

if (!existsSync(join(CORPUS_DIR, 'MANIFEST.tsv'))) throw new Error(`the shared corpus is not at ${CORPUS_DIR}`);
const modelDir = await ensureSyntheticModel('full');
const precision: Precision = existsSync(join(modelDir, 'onnx', 'model_int8.onnx')) ? 'int8' : 'fp32';
const scratch = await mkdtemp(join(tmpdir(), 'polyseek-bench-search-e2e-'));
const root = join(scratch, 'docs');
await mkdir(root, { recursive: true });
await writeFile(
  join(root, 'seed.txt'),
  'A small real file, indexed so the active provenance is the loaded model’s own.\n',
);
const runtime = await openRuntime({ dataDir: join(scratch, 'profile'), host: 'cli', modelDir });
const value = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};
try {
  value(await runtime.invoke('license.accept', { licenseId: LICENSE_ID, modelId: MODEL_ID, nonCommercialOnly: true }));
  value(await runtime.invoke('settings.set', { encoder: { precision }, compute: { provider: 'cpu', threads: 0 } }));
  value(await runtime.invoke('roots.add', { path: root }));
  value(await runtime.invoke('index.start', {}));
  await runtime.engine.indexer.waitForIdle();
  const store = (await runtime.engine.indexer.openStore()) as unknown as IndexStore;
  const provenance: Provenance | null = await store.activeProvenance();
  if (!provenance) throw new Error('the seed run made no vectors');
  log(`provenance ${JSON.stringify(provenance)}`);

  const random = prng(42);
  const sentences = await corpusSentences();
  const nextVector = vectorSource(provenance.dims, random);
  const passage = () => {
    let text = '';
    while (text.length < 1200) text += `${sentences[Math.floor(random() * sentences.length)] ?? ''} `;
    return text.trim();
  };
  const started = performance.now();
  const files = Math.ceil(CHUNKS / PER_FILE);
  for (let first = 0; first < files; first += 20) {
    const entries = Array.from({ length: Math.min(20, files - first) }, (_, k) => {
      const i = first + k;
      const file = fileRecord(join(root, `gen-${i % 50}`, `file-${i}.txt`), {
        root,
        size: 60_000,
        mtimeMs: 1_700_000_000_000 + i * 1000,
        hash: `gen${i}`,
      });
      const chunks: Chunk[] = Array.from({ length: PER_FILE }, (_, ordinal) => {
        const text = passage();
        return {
          ordinal,
          text,
          tokens: Math.ceil(text.length / 4),
          language: 'und',
          location: { line: ordinal * 20 + 1 },
        };
      });
      return { file, chunks };
    });
    await store.commitFiles(entries);
    const rows = entries.flatMap(({ file, chunks }) =>
      chunks.map((chunk) => ({ id: chunkId(file.path, file.hash, chunk.ordinal), vector: nextVector() })),
    );
    await store.addVectors(provenance, rows);
    if ((first / 20) % 10 === 0) log(`wrote ${(first + entries.length) * PER_FILE} chunks`);
  }
  const writeSeconds = (performance.now() - started) / 1000;
  log(`wrote ${files * PER_FILE} chunks with vectors in ${writeSeconds.toFixed(0)} s; optimizing`);
  const optimizeStart = performance.now();
  await store.ensureFtsIndex();
  await store.optimize();
  const ann = await store.ensureVectorIndex(provenance);
  const optimizeSeconds = (performance.now() - optimizeStart) / 1000;
  log(`keyword index, compaction and vector index (${String(ann)}) in ${optimizeSeconds.toFixed(0)} s`);

  // Queries: 2–3 words from random sentences (any of the 12 languages), each text used once.
  const words = sentences.flatMap((s) => s.split(/[\s,.;:()"'«»“”]+/u).filter((w) => w.length >= 4));
  const queries = Array.from({ length: 2 * QUERIES + 5 }, (_, i) =>
    Array.from({ length: 2 + (i % 2) }, () => words[Math.floor(random() * words.length)] ?? 'rights').join(' '),
  );
  const search = async (query: string, binary: boolean) =>
    value<SearchResult>(await runtime.invoke('search.query', { query, mode: 'hybrid', binary }));
  for (const query of queries.slice(0, 5)) await search(query, false); // encoder load, caches, file pages
  const samples: Record<'float' | 'binary', { total: number[]; embed: number[]; vector: number[]; keyword: number[] }> =
    {
      float: { total: [], embed: [], vector: [], keyword: [] },
      binary: { total: [], embed: [], vector: [], keyword: [] },
    };
  let index = '';
  for (let i = 0; i < QUERIES; i += 1) {
    // Interleaved: float and binary tiers alternate which goes first; each gets its own fresh query.
    const order: ('float' | 'binary')[] = i % 2 === 0 ? ['float', 'binary'] : ['binary', 'float'];
    for (const tier of order) {
      const text = queries[5 + 2 * i + (tier === 'float' ? 0 : 1)] ?? 'rights';
      const started = performance.now();
      const result = await search(text, tier === 'binary');
      const total = performance.now() - started;
      samples[tier].total.push(total);
      samples[tier].embed.push(result.timings.embedMs);
      samples[tier].vector.push(result.timings.vectorMs);
      samples[tier].keyword.push(result.timings.keywordMs);
      index = result.semantic.index ?? '';
    }
  }
  const summary = (s: (typeof samples)['float']) => ({
    p50_ms: round(percentile(s.total, 0.5)),
    p95_ms: round(percentile(s.total, 0.95)),
    embed_p50_ms: round(percentile(s.embed, 0.5)),
    vector_p50_ms: round(percentile(s.vector, 0.5)),
    keyword_p50_ms: round(percentile(s.keyword, 0.5)),
  });
  const float = summary(samples.float);
  const binary = summary(samples.binary);
  const e2e = {
    query_e2e_p50_ms: float.p50_ms,
    query_e2e_p95_ms: float.p95_ms,
    query_e2e: {
      chunks: files * PER_FILE,
      model: `synthetic full (24 layers, 1024 hidden), ${precision}`,
      provider: (await runtime.engine.encoder()).provider.provider,
      vector_index: index,
      vectors:
        'generated clustered unit vectors (1 000 centroids, σ 0.5/√dims per value); texts are real corpus sentences',
      queries: QUERIES,
      float,
      binary_tier: binary,
      binary_over_float_p50: round(binary.p50_ms / float.p50_ms),
      write_s: round(writeSeconds),
      optimize_and_index_s: round(optimizeSeconds),
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: availableParallelism(),
      date: new Date().toISOString(),
    },
  };
  log(JSON.stringify(e2e, null, 2));
  await mkdir(RESULTS_DIR, { recursive: true });
  const jsonPath = join(RESULTS_DIR, 'search.json');
  const existing = existsSync(jsonPath)
    ? (JSON.parse(await readFile(jsonPath, 'utf8')) as Record<string, unknown>)
    : {};
  await writeFile(jsonPath, `${JSON.stringify({ ...existing, ...e2e }, null, 2)}\n`);
  const md = [
    '',
    '## End-to-end query latency (`search.query`, hybrid)',
    '',
    `${e2e.query_e2e.chunks} chunks, ${e2e.query_e2e.model} on ${e2e.query_e2e.provider}, vector index: ${index}; ${e2e.query_e2e.cores} cores (${e2e.query_e2e.cpu}), ${e2e.query_e2e.date}.`,
    `Vectors: ${e2e.query_e2e.vectors}. ${QUERIES} fresh queries per tier, interleaved.`,
    '',
    '| tier | p50 ms | p95 ms | embed p50 | vector p50 | keyword p50 |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    `| float | ${float.p50_ms} | ${float.p95_ms} | ${float.embed_p50_ms} | ${float.vector_p50_ms} | ${float.keyword_p50_ms} |`,
    `| binary + rescore | ${binary.p50_ms} | ${binary.p95_ms} | ${binary.embed_p50_ms} | ${binary.vector_p50_ms} | ${binary.keyword_p50_ms} |`,
    '',
    `Goal: p50 ≤ 120 ms. Writing the index took ${e2e.query_e2e.write_s} s; keyword index, compaction and vector index ${e2e.query_e2e.optimize_and_index_s} s.`,
    '',
  ].join('\n');
  const mdPath = join(RESULTS_DIR, 'search.md');
  const previous = existsSync(mdPath) ? await readFile(mdPath, 'utf8') : '# Search benchmark\n';
  const cut = previous.indexOf('\n## End-to-end query latency');
  await writeFile(mdPath, `${cut >= 0 ? previous.slice(0, cut) : previous.trimEnd()}\n${md}`);
} finally {
  await runtime.dispose();
  await rm(scratch, { recursive: true, force: true });
}
