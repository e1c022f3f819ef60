// Store benchmark (CHUNKSTORE): `npx tsx tests/bench/store.ts [files] [chunksPerFile]`.
// Real corpus text (UDHR in 12 languages + Markdown READMEs) cut into ≈1 500-character chunks, spread
// over synthetic paths. Measures commit throughput, FTS build/refresh, keyword latency flat vs indexed,
// the embed job's cursor and vector writes. Prints JSON; numbers drift 2–5× on these shared machines.
import { readdir, readFile, rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Chunk } from '../../electron/engine/chunk/types';
import { IndexStore, type FileRecord, type Provenance } from '../../electron/engine/store';
import { CORPUS_DIR } from '../fixtures/corpus';
import { fileRecord } from '../integration/store/support';

const FILES = Number(process.argv[2] ?? 2000);
const PER_FILE = Number(process.argv[3] ?? 10);
const BATCH_FILES = 50;

async function corpusPassages(): Promise<string[]> {
  const texts: string[] = [];
  const udhr = join(CORPUS_DIR, '04-parallel', 'udhr');
  for (const name of await readdir(udhr))
    texts.push((await readFile(join(udhr, name), 'utf8')).replaceAll(/<[^>]+>/gu, ' '));
  const md = join(CORPUS_DIR, '03-web-markup-text', 'markdown');
  for (const name of await readdir(md, { recursive: true })) {
    if (name.endsWith('.md')) texts.push(await readFile(join(md, name), 'utf8'));
  }
  const out: string[] = [];
  for (const text of texts) {
    const clean = text.replaceAll(/\s+/gu, ' ');
    for (let at = 0; at + 200 < clean.length; at += 1500) out.push(clean.slice(at, at + 1500));
  }
  return out;
}

const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
const ms = (start: number) => Math.round(performance.now() - start);
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.floor(p * (values.length - 1))] ?? 0;

const passages = await corpusPassages();
const dir = await mkdtemp(join(tmpdir(), 'polyseek-store-bench-'));
// POLYSEEK_BENCH_DELETE_UNVERIFIED=1: prune compacted-away files at once (single-writer setting).
const store = await IndexStore.open(dir, { deleteUnverified: process.env['POLYSEEK_BENCH_DELETE_UNVERIFIED'] === '1' });
const result: Record<string, unknown> = {
  files: FILES,
  chunks: FILES * PER_FILE,
  passages: passages.length,
  date: new Date().toISOString(),
};
try {
  const file = (i: number): FileRecord =>
    fileRecord(`/bench/${i % 37}/file-${i}.txt`, {
      root: '/bench',
      size: 15_000,
      mtimeMs: 1_700_000_000_000 + i,
      hash: `h${i}`,
    });
  const chunksOf = (i: number): Chunk[] =>
    Array.from({ length: PER_FILE }, (_, ordinal) => {
      const text = `${passages[(i * PER_FILE + ordinal) % passages.length] ?? ''} #${i}.${ordinal}`;
      return { ordinal, text, tokens: Math.ceil(text.length / 4), language: 'und', location: { page: ordinal + 1 } };
    });

  let start = performance.now();
  let chars = 0;
  for (let first = 0; first < FILES; first += BATCH_FILES) {
    const batch = Array.from({ length: Math.min(BATCH_FILES, FILES - first) }, (_, k) => ({
      file: file(first + k),
      chunks: chunksOf(first + k),
    }));
    for (const entry of batch) for (const chunk of entry.chunks) chars += chunk.text.length;
    await store.commitFiles(batch);
    log(`committed ${first + batch.length} files`);
  }
  const commitMs = ms(start);
  result.commit_ms = commitMs;
  result.commit_chunks_per_s = Math.round((FILES * PER_FILE * 1000) / commitMs);
  result.text_mb = +(chars / 1e6).toFixed(1);
  log('stats');
  result.bytes_before_optimize = (await store.stats()).bytesOnDisk;
  log('stats done');

  const queries = [
    'human',
    'dignity',
    '東京',
    '自由',
    'ภราดรภาพ',
    'الكرامة',
    '인간',
    'brotherhood',
    'command line',
    'Zugang',
  ];
  const latency = async () => {
    const times: number[] = [];
    for (let r = 0; r < 3; r += 1) {
      for (const query of queries) {
        const t = performance.now();
        await store.keywordSearch(query, 10);
        times.push(performance.now() - t);
      }
    }
    return { p50: Math.round(percentile(times, 0.5)), p95: Math.round(percentile(times, 0.95)) };
  };
  start = performance.now();
  await store.ensureFtsIndex();
  result.fts_build_ms = ms(start);
  result.keyword_ms_indexed = await latency();

  // 10 % more rows: searched flat until optimize folds them in.
  for (let first = FILES; first < FILES * 1.1; first += BATCH_FILES) {
    await store.commitFiles(
      Array.from({ length: BATCH_FILES }, (_, k) => ({ file: file(first + k), chunks: chunksOf(first + k) })),
    );
  }
  result.keyword_ms_with_10pct_unindexed = await latency();
  start = performance.now();
  await store.optimize();
  result.optimize_ms = ms(start);
  result.keyword_ms_after_optimize = await latency();
  const stats = await store.stats();
  result.bytes_after_optimize = stats.bytesOnDisk;
  result.fts_index = (await store.indexes()).filter((index) => index.type === 'FTS');

  const provenance: Provenance = {
    modelId: 'bench',
    modelChecksum: 'x',
    precision: 'fp32',
    task: 'retrieval.passage',
    prefix: true,
    dims: 1024,
    chunkerVersion: 1,
  };
  start = performance.now();
  let cursor: string | undefined;
  const page = await store.chunksAwaitingVectors(provenance, 256, cursor);
  result.awaiting_first_page_ms = ms(start);
  start = performance.now();
  let written = 0;
  const target = Math.floor(stats.chunks / 2);
  cursor = undefined;
  let rows = page;
  while (written < target && rows.length > 0) {
    written += await store.addVectors(
      provenance,
      rows.map((chunk) => {
        const vector = new Float32Array(1024).map((_, d) => Math.sin(d + chunk.ordinal));
        return { id: chunk.id, vector };
      }),
    );
    cursor = rows.at(-1)?.id;
    rows = await store.chunksAwaitingVectors(provenance, 256, cursor);
  }
  result.embed_loop_vectors_per_s = Math.round((written * 1000) / ms(start));
  start = performance.now();
  result.files_awaiting = await store.filesAwaitingVectors(provenance);
  result.files_awaiting_ms = ms(start);
  start = performance.now();
  result.consistency = await store.checkConsistency();
  result.check_consistency_ms = ms(start);
} finally {
  await store.close();
  await rm(dir, { recursive: true, force: true });
}
console.log(JSON.stringify(result, null, 1));
