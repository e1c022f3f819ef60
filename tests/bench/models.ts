/**
 * `npm run bench:models` (`tsx tests/bench/models.ts`): on-device int8 quantization of the full-size
 * synthetic jina-v3 (2.3 GB fp32), then int8 against fp32 in one process on the same texts. The two
 * encoders alternate round by round and the results are medians of per-round ratios: these machines
 * are shared and drift 2–5× between minutes (ENVIRONMENT.md). int8 activations get one scale per
 * batch, so both sides run identical batches and the cosine is expected near 0.9995, not 1.
 * Results: tests/bench/results/models.{json,md}.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

import { cosine, Encoder, type BatchPlanOptions, type Embedding } from '../../electron/engine/encoder';
import { loadTokenizer } from '../../electron/engine/encoder/tokenizer';
import { quantizeToInt8 } from '../../electron/engine/model/quantize';
import { detectWeightFormat } from '../../electron/engine/model/quantize/weight-format';
import { TASKS, type Precision } from '../../shared';
import { ensureSyntheticModel } from '../fixtures/synthetic-model';
import { median, prng, textOfLength } from './workload';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const TEXTS = Number(process.env['BENCH_TEXTS'] ?? 16);
const log = (message: string) => process.stderr.write(`[bench:models] ${message}\n`);
const mib = (kib: number) => Math.round(kib / 1024);

const threads = availableParallelism();
// int8 speed depends on the ISA: ENVIRONMENT.md's 2.4× was measured with AVX-512 VNNI; AVX2 alone is far slower.
const cpuFlags = await readFile('/proc/cpuinfo', 'utf8').then(
  (text) => [...new Set(text.match(/\b(avx2|avx512f|avx512_vnni|avx_vnni|amx_int8)\b/g) ?? [])],
  () => ['unknown'],
);
const loadAtStart = loadavg().map((l) => +l.toFixed(2));
const modelDir = await ensureSyntheticModel('full');
const fileBytes = async (...names: string[]) =>
  (await Promise.all(names.map((n) => stat(join(modelDir, 'onnx', n))))).reduce((a, s) => a + s.size, 0);
const fp32Bytes = await fileBytes('model.onnx', 'model.onnx_data');

// Phase 1: quantize once, before any ORT session exists, so the process's peak RSS is the quantizer's.
const rssBeforeKib = process.resourceUsage().maxRSS;
const cpuBefore = process.cpuUsage();
const quantStart = performance.now();
const quantized = await quantizeToInt8({ modelDir });
const weightFormat = await detectWeightFormat(); // memoized: the format quantizeToInt8 just used
const quantSeconds = (performance.now() - quantStart) / 1000;
const quantCpu = process.cpuUsage(cpuBefore);
const quantPeakKib = process.resourceUsage().maxRSS;
const int8Bytes = await fileBytes('model_int8.onnx', 'model_int8.onnx_data');
log(`quantized in ${quantSeconds.toFixed(1)} s, peak RSS ${mib(quantPeakKib)} MiB: ${JSON.stringify(quantized)}`);

// Phase 2: int8 against fp32 on a mixed-length set (bucketed batches) and on 8 × 128 tokens.
const scratch = await mkdtemp(join(tmpdir(), 'polyseek-bench-models-'));
const cacheDir = join(scratch, 'cache');
const tokenizer = await loadTokenizer(modelDir, cacheDir);
const count = (text: string) => tokenizer.encode(text, 1 << 20).ids.length;
const random = prng(11);
const mixed = Array.from({ length: TEXTS }, (_, i) =>
  textOfLength(20 + Math.floor(random() * 493), count, (i * 41) % 400),
);
const mixedTokens = mixed.map(count).reduce((a, b) => a + b, 0);
const fixed = Array.from({ length: 8 }, (_, i) => textOfLength(128, count, i * 13));
const fixedTokens = fixed.map(count).reduce((a, b) => a + b, 0);
const ONE_BATCH: BatchPlanOptions = {
  tokenBudget: Infinity,
  maxBatchSize: 8,
  maxLengthSpread: Infinity,
  minPadSlack: Infinity,
};
const passage = { task: 'retrieval.passage', prefix: false } as const;

type Side = Extract<Precision, 'fp32' | 'int8'>;
const load = (precision: Side) =>
  Encoder.load({ modelDir, cacheDir, licenseAccepted: true, provider: 'cpu', precision, threads });
const encoders = { fp32: await load('fp32'), int8: await load('int8') };
log(`loaded fp32 in ${encoders.fp32.loadMs.toFixed(0)} ms, int8 in ${encoders.int8.loadMs.toFixed(0)} ms`);

interface Run {
  tokensPerSecond: number;
  cpuSeconds: number;
  vectors: Embedding[];
}
async function timed(precision: Side, texts: string[], tokens: number, batching?: BatchPlanOptions): Promise<Run> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const vectors = await encoders[precision].embed(texts, { ...passage, ...(batching ? { batching } : {}) });
  const used = process.cpuUsage(cpu);
  return {
    tokensPerSecond: tokens / ((performance.now() - start) / 1000),
    cpuSeconds: (used.user + used.system) / 1e6,
    vectors,
  };
}

const runs = { mixed: { fp32: [] as Run[], int8: [] as Run[] }, fixed: { fp32: [] as Run[], int8: [] as Run[] } };
for (let round = 0; round < ROUNDS; round += 1) {
  const order: Side[] = round % 2 === 0 ? ['fp32', 'int8'] : ['int8', 'fp32'];
  for (const precision of order) {
    runs.mixed[precision].push(await timed(precision, mixed, mixedTokens));
    runs.fixed[precision].push(await timed(precision, fixed, fixedTokens, ONE_BATCH));
  }
  const last = (r: Run[]) => r.at(-1)?.tokensPerSecond.toFixed(1);
  log(
    `round ${round}: mixed fp32 ${last(runs.mixed.fp32)} / int8 ${last(runs.mixed.int8)} tokens/s; ` +
      `8×128 fp32 ${last(runs.fixed.fp32)} / int8 ${last(runs.fixed.int8)} tokens/s`,
  );
}
type Pair = { fp32: Run[]; int8: Run[] };
/** Per-round int8 / fp32 of a measure (fp32 / int8 for costs); rounds pair the two runs made minutes apart. */
const ratios = (set: Pair, of: (r: Run) => number) => set.int8.map((r, i) => of(r) / of(set.fp32[i] ?? r));
const ratio = (set: Pair, of: (r: Run) => number) => median(ratios(set, of));
const cpuRatio = (r: Run) => 1 / r.cpuSeconds;

// Same texts, same batches: the int8 error alone. Then every task on short probes in several scripts.
const first = (set: Pair) =>
  (set.fp32[0]?.vectors ?? []).map((v, i) => cosine(v.vector, set.int8[0]?.vectors[i]?.vector ?? v.vector));
const cosines = [...first(runs.mixed), ...first(runs.fixed)];
const probes = [
  'Everyone has the right to education.',
  '人人有权享有生命、自由和人身安全。',
  'كل شخص له الحق في التعليم.',
  'Всякий человек имеет право на жизнь.',
  'सभी मनुष्यों को गौरव और अधिकारों के मामले में जन्मजात स्वतन्त्रता प्राप्त है।',
];
const taskCosines: Record<string, number> = {};
for (const task of TASKS) {
  const [a, b] = [await encoders.fp32.embed(probes, { task }), await encoders.int8.embed(probes, { task })];
  taskCosines[task] = Math.min(...a.map((v, i) => cosine(v.vector, b[i]?.vector ?? v.vector)));
}
const peakKib = process.resourceUsage().maxRSS;
await encoders.fp32.dispose();
await encoders.int8.dispose();
await rm(scratch, { recursive: true, force: true });

const results = {
  date: new Date().toISOString(),
  machine: {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    cpu_flags: cpuFlags,
    loadavg_at_start: loadAtStart,
    loadavg_at_end: loadavg().map((l) => +l.toFixed(2)),
  },
  model: { preset: 'full', dir: modelDir, threads, provider: 'cpu' },
  corpus: { mixed_texts: TEXTS, mixed_tokens: mixedTokens, fixed: '8×128', rounds: ROUNDS },
  fp32_file_gb: fp32Bytes / 1e9,
  int8_file_gb: int8Bytes / 1e9,
  int8_size_ratio: int8Bytes / fp32Bytes,
  int8_speedup: ratio(runs.mixed, (r) => r.tokensPerSecond),
  int8_speedup_8x128: ratio(runs.fixed, (r) => r.tokensPerSecond),
  int8_cpu_time_speedup: median([...ratios(runs.mixed, cpuRatio), ...ratios(runs.fixed, cpuRatio)]),
  fp32_tokens_per_s: median(runs.mixed.fp32.map((r) => r.tokensPerSecond)),
  int8_tokens_per_s: median(runs.mixed.int8.map((r) => r.tokensPerSecond)),
  fp32_8x128_tokens_per_s: median(runs.fixed.fp32.map((r) => r.tokensPerSecond)),
  int8_8x128_tokens_per_s: median(runs.fixed.int8.map((r) => r.tokensPerSecond)),
  int8_mean_cosine: cosines.reduce((a, b) => a + b, 0) / cosines.length,
  int8_min_cosine: Math.min(...cosines),
  int8_min_cosine_per_task: taskCosines,
  quantization: {
    weight_format: weightFormat,
    seconds: quantSeconds,
    cpu_seconds: (quantCpu.user + quantCpu.system) / 1e6,
    peak_rss_mib: mib(quantPeakKib),
    rss_before_mib: mib(rssBeforeKib),
    quantized_tensors: quantized.quantizedTensors,
    kept_float_tensors: quantized.keptFloatTensors,
  },
  load_ms: { fp32: Math.round(encoders.fp32.loadMs), int8: Math.round(encoders.int8.loadMs) },
  peak_rss_mib_with_both_encoders: mib(peakKib),
};

const f = (x: number, digits = 2) => x.toFixed(digits);
const table = [
  `# int8 model benchmark — ${results.date}`,
  '',
  `Machine: ${results.machine.cpu}, ${results.machine.cores} cores, ${cpuFlags.join(' ')} (load average ${loadAtStart.join(' / ')} at start, ${results.machine.loadavg_at_end.join(' / ')} at end).`,
  `Model: full-size synthetic jina-v3 (24×1024, LoRA unmerged), ${threads} threads, CPU provider. Mixed set: ${TEXTS} texts, ${mixedTokens} tokens (20–512 each), bucketed batches; fixed: 8×128 in one batch. ${ROUNDS} interleaved rounds; medians of per-round ratios.`,
  '',
  '| measure | value | goal |',
  '|---|---|---|',
  `| int8 speed-up, mixed set (tokens/s) | ${f(results.int8_speedup)}× (${f(results.int8_tokens_per_s, 1)} vs ${f(results.fp32_tokens_per_s, 1)}) | ≥ 2.4× |`,
  `| int8 speed-up, 8×128 | ${f(results.int8_speedup_8x128)}× (${f(results.int8_8x128_tokens_per_s, 1)} vs ${f(results.fp32_8x128_tokens_per_s, 1)}) | |`,
  `| int8 speed-up in CPU time | ${f(results.int8_cpu_time_speedup)}× | |`,
  `| file size int8 / fp32 | ${f(results.int8_file_gb, 3)} GB / ${f(results.fp32_file_gb, 3)} GB (${f(results.int8_size_ratio * 100, 1)} %) | ≤ 0.65 GB |`,
  `| cosine int8 vs fp32, same batches (mean / min of ${cosines.length}) | ${f(results.int8_mean_cosine, 5)} / ${f(results.int8_min_cosine, 5)} | ≈ 0.9995 |`,
  `| min cosine per task (5 probes, 5 scripts) | ${Object.values(taskCosines)
    .map((c) => f(c, 5))
    .join(' · ')} | |`,
  `| quantization time (wall / CPU) | ${f(quantSeconds, 1)} s / ${f(results.quantization.cpu_seconds, 1)} s | |`,
  `| quantization peak RSS (process, before any session) | ${results.quantization.peak_rss_mib} MiB | well under 1 GB |`,
  `| tensors int8 / kept float (rank ≥ 2); weight format | ${quantized.quantizedTensors} / ${quantized.keptFloatTensors}; ${weightFormat} | |`,
  `| session load fp32 / int8 | ${results.load_ms.fp32} / ${results.load_ms.int8} ms | |`,
  `| peak RSS with both encoders loaded | ${results.peak_rss_mib_with_both_encoders} MiB | |`,
  '',
].join('\n');

const outDir = new URL('./results/', import.meta.url);
await writeFile(new URL('models.json', outDir), `${JSON.stringify(results, null, 2)}\n`);
await writeFile(new URL('models.md', outDir), table);
process.stdout.write(table);
