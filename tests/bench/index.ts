/**
 * `npm run bench:index` (`tsx tests/bench/index.ts`): extraction throughput per format over the shared
 * corpus, then a whole indexing run (crawl → extract ∥ chunk ∥ encode ∥ write) with the full-size
 * synthetic jina-v3 — int8 when model_int8.onnx exists beside it, else fp32 — measuring the share of the
 * pipeline's wall time the encoder is busy (goal ≥ 0.9: extraction must keep it fed) and the peak RSS
 * (goal ≤ 1.5 GB with int8). The encoder is loaded before the run, so its one-time load (seconds of ORT
 * pre-packing) is reported apart instead of counted as idle time.
 * Results: tests/bench/results/index.{json,md}.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { openRuntime } from '../../electron/engine/runtime';
import { LICENSE_ID, MODEL_ID, type Precision } from '../../shared';
import { CORPUS_DIR, copyCorpus } from '../fixtures/corpus';
import { ensureSyntheticModel } from '../fixtures/synthetic-model';
import { measureExtraction } from './extract-throughput';
import { benchMachine, loadNow } from './workload';

/** A few hundred chunks of multilingual text: ~10 minutes on 2 shared cores with the full model. */
const SUBSET = (process.env['BENCH_INDEX_SUBSET'] ?? '04-parallel/udhr,03-web-markup-text/encodings').split(',');
const log = (message: string) => process.stderr.write(`[bench:index] ${message}\n`);
const mib = (kib: number) => Math.round(kib / 1024);

if (!existsSync(join(CORPUS_DIR, 'MANIFEST.tsv'))) throw new Error(`the shared corpus is not at ${CORPUS_DIR}`);
const loadAtStart = loadNow();

// 1. Indexing with the full-size model, first: the process's peak RSS (a high-water mark) is then the
// indexing run's alone, before the extraction pass below reads every corpus file in this thread.
const modelDir = await ensureSyntheticModel('full');
const precision: Precision = existsSync(join(modelDir, 'onnx', 'model_int8.onnx')) ? 'int8' : 'fp32';
const scratch = await mkdtemp(join(tmpdir(), 'polyseek-bench-index-'));
const root = join(scratch, 'docs');
await copyCorpus(SUBSET, root);
let busyMs = 0;
let encoderCalls = 0;
const runtime = await openRuntime({
  dataDir: join(scratch, 'profile'),
  host: 'cli',
  modelDir,
  indexer: {
    onEncoderBusy: (ms) => {
      busyMs += ms;
      encoderCalls += 1;
    },
  },
});
try {
  await runtime.invoke('license.accept', { licenseId: LICENSE_ID, modelId: MODEL_ID, nonCommercialOnly: true });
  await runtime.invoke('settings.set', { encoder: { precision }, compute: { provider: 'cpu', threads: 0 } });
  await runtime.invoke('roots.add', { path: root });
  const loadStart = performance.now();
  const encoder = await runtime.engine.encoder();
  const loadSeconds = (performance.now() - loadStart) / 1000;
  log(`loaded the ${precision} encoder in ${loadSeconds.toFixed(1)} s (${encoder.provider.provider})`);

  const phases = new Map<string, number>();
  runtime.events.subscribe((event) => {
    if (event.name !== 'index.progress') return;
    if (!phases.has(event.payload.phase)) phases.set(event.payload.phase, performance.now());
    if (event.payload.state === 'running' && event.payload.tokensPerSecond !== null) {
      log(
        `${event.payload.phase} ${event.payload.filesDone}/${event.payload.filesTotal} files, ${event.payload.chunksEncoded} chunks, ${Math.round(event.payload.tokensPerSecond)} tok/s`,
      );
    }
  });
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const started = await runtime.invoke('index.start', {});
  if (!started.ok) throw new Error(started.error.message);
  const job = await runtime.engine.indexer.waitForIdle();
  const end = performance.now();
  const cpu = process.cpuUsage(cpuStart);
  if (!job || job.state !== 'done')
    throw new Error(`indexing ended ${job?.state ?? 'without a job'}: ${job?.message ?? ''}`);
  // The pipeline's span: from the first file handed to the extractors to the last commit.
  const pipelineStart = phases.get('indexing') ?? start;
  const pipelineEnd = phases.get('embedding') ?? phases.get('optimizing') ?? end;
  const pipelineSeconds = (pipelineEnd - pipelineStart) / 1000;
  const busyShare = busyMs / 1000 / pipelineSeconds;
  const peakRssMib = mib(process.resourceUsage().maxRSS);
  const status = await runtime.invoke('index.status', {});
  await runtime.dispose();

  // 2. Extraction, one file at a time in this thread, every corpus file.
  const corpusFiles = await listFiles(CORPUS_DIR);
  log(`extracting ${corpusFiles.length} corpus files…`);
  const extraction = await measureExtraction(corpusFiles.filter((f) => !f.endsWith('MANIFEST.tsv')));
  const extractMbPerS = Object.fromEntries(
    Object.entries(extraction).map(([format, t]) => [format, +t.mbPerS.toFixed(3)]),
  );
  log(`extraction MB/s per format: ${JSON.stringify(extractMbPerS)}`);
  const extractPeakRssMib = mib(process.resourceUsage().maxRSS);

  const results = {
    date: new Date().toISOString(),
    machine: benchMachine(loadAtStart),
    encoder_busy_share: +busyShare.toFixed(3),
    peak_rss_mib: peakRssMib,
    /** The high-water mark after the extraction pass too (pdf.js on every corpus PDF in this thread). */
    peak_rss_mib_after_extraction_pass: extractPeakRssMib,
    extract_mb_per_s: extractMbPerS,
    extract: extraction,
    indexing: {
      model: 'synthetic-jina-v3-full',
      precision,
      subset: SUBSET,
      files: job.filesTotal,
      failed: job.filesFailed,
      chunks: job.chunks,
      tokens: job.tokens,
      encoder_calls: encoderCalls,
      encoder_load_s: +loadSeconds.toFixed(2),
      pipeline_s: +pipelineSeconds.toFixed(2),
      encoder_busy_s: +(busyMs / 1000).toFixed(2),
      wall_s: +((end - start) / 1000).toFixed(2),
      tokens_per_s: +(job.tokens / pipelineSeconds).toFixed(1),
      cpu_s: +((cpu.user + cpu.system) / 1e6).toFixed(1),
      index_bytes: status.ok ? status.value.totals.bytesOnDisk : null,
      goals: { encoder_busy_share: 0.9, peak_rss_mib: precision === 'int8' ? 1536 : null },
    },
  };
  const outDir = new URL('./results/', import.meta.url);
  await writeFile(new URL('index.json', outDir), `${JSON.stringify(results, null, 2)}\n`);
  const rows = Object.entries(extraction)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([f, t]) =>
        `| ${f} | ${t.files} | ${(t.bytes / 1e6).toFixed(2)} | ${t.mbPerS.toFixed(2)} | ${t.filesPerS.toFixed(1)} | ${t.failed} |`,
    );
  const md = [
    `# Indexing benchmark — ${results.date}`,
    '',
    `Machine: ${results.machine.cpu}, ${results.machine.cores} cores, node ${results.machine.node} (load average ${loadAtStart.join(' / ')} at start, ${results.machine.loadavg_at_end.join(' / ')} at end).`,
    '',
    `## Indexing with the full-size synthetic model (${precision}, CPU)`,
    '',
    `| measure | value | goal |`,
    `|---|---|---|`,
    `| encoder busy share of the pipeline's wall time | ${(busyShare * 100).toFixed(1)} % | ≥ 90 % |`,
    `| peak RSS (whole process: encoder, extractors, LanceDB) | ${peakRssMib} MiB | ${precision === 'int8' ? '≤ 1536 MiB' : 'reported (fp32)'} |`,
    `| peak RSS after the extraction pass as well (pdf.js in this thread) | ${extractPeakRssMib} MiB | |`,
    `| files / chunks / tokens | ${job.filesTotal} / ${job.chunks} / ${job.tokens} | |`,
    `| pipeline wall time / encoder busy | ${pipelineSeconds.toFixed(1)} s / ${(busyMs / 1000).toFixed(1)} s | |`,
    `| tokens/s over the pipeline | ${(job.tokens / pipelineSeconds).toFixed(0)} | |`,
    `| encoder load (before the run, not counted) | ${loadSeconds.toFixed(1)} s | |`,
    '',
    '## Extraction (one file at a time, this thread)',
    '',
    '| format | files | MB | MB/s | files/s | failed |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
  await writeFile(new URL('index.md', outDir), md);
  log(`encoder busy ${(busyShare * 100).toFixed(1)} % of ${pipelineSeconds.toFixed(1)} s; peak RSS ${peakRssMib} MiB`);
} finally {
  await runtime.dispose();
  await rm(scratch, { recursive: true, force: true });
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out.sort();
}
