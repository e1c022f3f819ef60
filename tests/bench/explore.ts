/**
 * `npm run bench:explore` (`tsx tests/bench/explore.ts`): time, peak RSS and event-loop stalls of the
 * Explore computations over generated indexes of 10 000 and 50 000 documents (BENCH_EXPLORE_SIZES to
 * change; BENCH_EXPLORE_JOBS=topics or =dupes to measure one job; what is not measured keeps its previous
 * numbers from results/explore.json, each with the date it was measured). Setup — writing files, chunks and 1 024-dim vectors
 * into a real IndexStore (explore-data.ts), and the ANN index of the text-matching vectors — is timed
 * apart; each job then runs in a fresh process (explore-measure.ts), so its peak RSS is its own.
 * The encoding the runner does before a job is not measured here (bench:index measures the encoder).
 * Results: tests/bench/results/explore.{json,md}.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { UMAP_FIT_SAMPLE } from '../../electron/engine/explore/project';
import { IndexStore } from '../../electron/engine/store';
import { BENCH_DIMS, PASSAGES_PER_DOC, PLANTED_TOPICS, TEXT_MATCHING, writeCorpus } from './explore-data';
import { benchMachine, loadNow } from './workload';

const SIZES = (process.env['BENCH_EXPLORE_SIZES'] ?? '10000,50000').split(',').map(Number);
const JOBS = (process.env['BENCH_EXPLORE_JOBS'] ?? 'topics,dupes').split(',');
const DUPES = JOBS.includes('dupes');
/** A job still running after this long is stopped and reported as unfinished (BENCH_EXPLORE_LIMIT_S). */
const LIMIT_S = Number(process.env['BENCH_EXPLORE_LIMIT_S'] ?? 900);
const log = (message: string) => process.stderr.write(`[bench:explore] ${message}\n`);
const loadAtStart = loadNow();

/** Older results lack the RSS and stall of each phase. */
type Phase = { activity: string; startS: number; stallMaxMs?: number; rssAtStartMib?: number };
const phaseLine = (p: Phase) =>
  p.rssAtStartMib === undefined
    ? `${p.activity} @${p.startS} s`
    : `${p.activity} @${p.startS} s (RSS ${p.rssAtStartMib} MiB at start, longest stall ${p.stallMaxMs ?? '—'} ms)`;
type Measured = Record<string, unknown> & {
  kind: string;
  seconds: number | string;
  max_rss_mib: number | null;
  measured_at?: string;
};

function measure(kind: 'topics' | 'dupes', dir: string, planted: string): Promise<Measured> {
  const script = fileURLToPath(new URL('./explore-measure.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, kind, dir, planted], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, LIMIT_S * 1000);
    child.stdout.on('data', (data: Buffer) => (out += data.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (timedOut) {
        resolve({ kind, seconds: `> ${LIMIT_S} (stopped)`, max_rss_mib: null, measured_at: new Date().toISOString() });
      } else if (code !== 0) reject(new Error(`measuring ${kind} exited with ${code}`));
      else {
        const measured = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Measured;
        resolve({ ...measured, measured_at: new Date().toISOString() });
      }
    });
  });
}

type Run = { documents: number; setup: Record<string, number>; jobs: Measured[] };
const outDir = new URL('./results/', import.meta.url);
const before = await readFile(new URL('explore.json', outDir), 'utf8')
  .then((text) => JSON.parse(text) as { date?: string; runs?: Run[] })
  .catch(() => ({ date: undefined, runs: [] as Run[] }));
const previous = before.runs ?? [];
const runs: Run[] = [];
for (const documents of SIZES) {
  const dir = await mkdtemp(join(tmpdir(), 'polyseek-bench-explore-'));
  try {
    const store = await IndexStore.open(dir, { deleteUnverified: true });
    const setupStart = performance.now();
    const planted = await writeCorpus(store, documents, log, { textMatching: DUPES });
    await store.optimize();
    const writeSeconds = (performance.now() - setupStart) / 1000;
    let indexSeconds = 0;
    if (DUPES) {
      const indexStart = performance.now();
      log(`vector index for text-matching: ${await store.ensureVectorIndex(TEXT_MATCHING)}`);
      indexSeconds = (performance.now() - indexStart) / 1000;
    }
    await store.close();
    const plantedPath = join(dir, 'planted.json');
    await writeFile(plantedPath, JSON.stringify(planted));
    log(`${documents} documents written in ${writeSeconds.toFixed(1)} s`);
    const jobs: Measured[] = [];
    for (const kind of ['topics', 'dupes'] as const) {
      if (JOBS.includes(kind)) {
        jobs.push(await measure(kind, dir, plantedPath));
        log(JSON.stringify(jobs.at(-1)));
        continue;
      }
      const kept = previous.find((run) => run.documents === documents)?.jobs.find((job) => job.kind === kind);
      if (kept) jobs.push({ ...kept, measured_at: kept.measured_at ?? before.date });
    }
    runs.push({
      documents,
      setup: { write_s: +writeSeconds.toFixed(1), text_matching_index_s: +indexSeconds.toFixed(1) },
      jobs,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Sizes not measured this time keep their previous numbers (each job says when it was measured).
for (const run of previous) if (!SIZES.includes(run.documents)) runs.push(run);
runs.sort((a, b) => a.documents - b.documents);
const results = {
  date: new Date().toISOString(),
  machine: benchMachine(loadAtStart),
  corpus: { dims: BENCH_DIMS, passages_per_document: PASSAGES_PER_DOC, planted_topics: PLANTED_TOPICS },
  umap_fit_sample: UMAP_FIT_SAMPLE,
  runs,
};
await writeFile(new URL('explore.json', outDir), `${JSON.stringify(results, null, 2)}\n`);
const num = (value: unknown) => (typeof value === 'number' ? String(value) : '—');
const md = [
  `# Explore benchmark — ${results.date}`,
  '',
  `Machine: ${results.machine.cpu}, ${results.machine.cores} cores, node ${results.machine.node} (load average ${loadAtStart.join(' / ')} at start, ${results.machine.loadavg_at_end.join(' / ')} at end).`,
  `Generated index: ${PASSAGES_PER_DOC} passages per document, ${BENCH_DIMS}-dim vectors around ${PLANTED_TOPICS} planted topics.`,
  `Topics: vectors truncated to 128 dims, k by silhouette on 2 000 documents, UMAP fitted on ${UMAP_FIT_SAMPLE} documents in a worker thread and the rest placed at their nearest fitted neighbours. Each job ran in its own process after the setup; peak RSS includes the opened store.`,
  '',
  '| documents | job | seconds | CPU s | peak RSS MiB | RSS before MiB | longest event-loop stall ms | result | measured |',
  '|---|---|---|---|---|---|---|---|---|',
  ...runs.flatMap((run) =>
    run.jobs.map((job) => {
      const result =
        job.kind === 'topics'
          ? `k ${num(job['k'])}, silhouette ${num(job['silhouette'])}, purity ${num(job['purity'])}, labels ${String(job['labels_from_planted_topic'])}`
          : `${num(job['groups'])} groups, ${num(job['near_pairs'])} pairs`;
      return `| ${run.documents} | ${job.kind} | ${job.seconds} | ${num(job['cpu_seconds'])} | ${num(job.max_rss_mib)} | ${num(job['rss_before_mib'])} | ${num(job['event_loop_delay_max_ms'])} | ${result} | ${job.measured_at ?? ''} |`;
    }),
  ),
  '',
  '| documents | setup: write files, chunks, vectors (s) | setup: text-matching ANN index (s) |',
  '|---|---|---|',
  ...runs.map((run) => `| ${run.documents} | ${run.setup['write_s']} | ${run.setup['text_matching_index_s']} |`),
  '',
  'Phases (start in seconds from the job start, RSS then, the longest event-loop stall while each ran):',
  '',
  ...runs.flatMap((run) =>
    run.jobs.map(
      (job) =>
        `- ${run.documents} ${job.kind}: ${((job['phases'] as Phase[] | undefined) ?? []).map(phaseLine).join('; ')}`,
    ),
  ),
  '',
].join('\n');
await writeFile(new URL('explore.md', outDir), md);
process.stdout.write(md);
