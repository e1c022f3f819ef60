/**
 * One measured Explore job over a store that `tests/bench/explore.ts` wrote, in a process of its own so
 * its peak RSS is the job's (plus opening the store), not the setup's:
 * `node --import tsx tests/bench/explore-measure.ts topics|dupes STORE_DIR PLANTED_JSON`. Prints JSON.
 */
import { readFile } from 'node:fs/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';

import { runDupes } from '../../electron/engine/explore/dupes';
import { runTopics } from '../../electron/engine/explore/topics';
import type { DupesSettings, ExploreWork, TopicsSettings } from '../../electron/engine/explore/work';
import { IndexStore } from '../../electron/engine/store';
import { purity } from '../fixtures/clustered-vectors';
import { SEPARATION, TEXT_MATCHING, type Planted } from './explore-data';

/** The runner's defaults (explore-runner.ts DEFAULT_TOPICS / DEFAULT_DUPES). */
const TOPICS: TopicsSettings = { k: null, seed: 1, passagesPerFile: 8, terms: 6 };
const DUPES: DupesSettings = { threshold: 0.9, minShare: 0.5 };
const mib = (bytes: number) => Math.round(bytes / 2 ** 20);

const [kind, dir, plantedPath] = process.argv.slice(2);
if ((kind !== 'topics' && kind !== 'dupes') || !dir || !plantedPath) {
  throw new Error('usage: explore-measure.ts topics|dupes STORE_DIR PLANTED_JSON');
}
const planted = JSON.parse(await readFile(plantedPath, 'utf8')) as Planted;
const store = await IndexStore.open(dir);
try {
  const files = await store.listFiles({ status: 'indexed' });
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 50);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  /** Each phase with its start and the longest event-loop stall while it ran (the histogram is reset per phase). */
  const phases: {
    activity: string;
    startS: number;
    stallMaxMs: number;
    rssAtStartMib: number;
    peakRssSoFarMib: number;
  }[] = [];
  let overallMax = 0;
  const closePhase = () => {
    const last = phases.at(-1);
    if (last) last.stallMaxMs = +(loop.max / 1e6).toFixed(1);
    overallMax = Math.max(overallMax, loop.max);
    loop.reset();
  };
  const start = performance.now();
  const work: ExploreWork = {
    store,
    provenance: kind === 'topics' ? SEPARATION : TEXT_MATCHING,
    files,
    where: undefined,
    signal: new AbortController().signal,
    progress: (_done, _total, activity) => {
      // A phase is named by its activity's words before the first digit or parenthesis.
      const phase = activity.replace(/[\d(].*$/u, '').trim();
      if (phases.at(-1)?.activity === phase) return;
      closePhase();
      phases.push({
        activity: phase,
        startS: (performance.now() - start) / 1000,
        stallMaxMs: 0,
        rssAtStartMib: mib(process.memoryUsage().rss),
        peakRssSoFarMib: mib(rssPeak),
      });
    },
  };
  loop.enable();
  const cpu = process.cpuUsage();
  let summary: Record<string, unknown>;
  if (kind === 'topics') {
    const { report, points } = await runTopics(work, TOPICS);
    const found = points.map((point) => point.cluster);
    const truth = points.map((point) => planted.topicOf[point.path] ?? -1);
    // A label is right when its first term is a word of the planted topic most of its cluster came from.
    const majority = report.clusters.map((cluster) => {
      const counts = new Map<number, number>();
      points.forEach((point, i) => {
        if (point.cluster === cluster.id) counts.set(truth[i] ?? -1, (counts.get(truth[i] ?? -1) ?? 0) + 1);
      });
      return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? -1;
    });
    const labelled = report.clusters.filter((cluster, c) =>
      planted.vocabulary[majority[c] ?? -1]?.includes(cluster.terms[0] ?? ''),
    ).length;
    summary = {
      k: report.k,
      auto_k: report.autoK,
      silhouette: report.silhouette === null ? null : +report.silhouette.toFixed(3),
      dims: report.dims,
      purity: +purity(found, truth).toFixed(4),
      inverse_purity: +purity(truth, found).toFixed(4),
      labels_from_planted_topic: `${labelled} of ${report.k}`,
      example_labels: report.clusters.slice(0, 3).map((cluster) => cluster.terms.slice(0, 4).join(' ')),
    };
  } else {
    const { report } = await runDupes(work, DUPES);
    summary = {
      groups: report.groups.length,
      near_pairs: report.groups.reduce((n, group) => n + group.pairs.length, 0),
      shared_pairs: report.shared.length,
    };
  }
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  closePhase();
  loop.disable();
  clearInterval(sampler);
  const result = {
    kind,
    documents: files.length,
    seconds: +seconds.toFixed(2),
    cpu_seconds: +((used.user + used.system) / 1e6).toFixed(1),
    phases: phases.map((phase) => ({ ...phase, startS: +phase.startS.toFixed(2) })),
    rss_before_mib: mib(rssBefore),
    rss_peak_sampled_mib: mib(rssPeak),
    max_rss_mib: Math.round(process.resourceUsage().maxRSS / 1024),
    event_loop_delay_max_ms: +(overallMax / 1e6).toFixed(1),
    ...summary,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await store.close();
}
