import type { Command } from 'commander';

import {
  ExploreJobIdSchema,
  type ExplorePoints,
  type ExploreReport,
  type Result,
  type TopicPoint,
} from '../../../shared';
import type { Runtime } from '../../engine/runtime';
import { fail, withRuntime, type GlobalOptions } from '../context';
import { followExploreJob, savedReport, warnIfSynthetic } from '../explore-job';
import { scopeFromPaths, topicsFlagParsers, topicsInput, type TopicsFlags } from '../explore-options';
import { formatTopicsReport } from '../format-explore';
import type { CliIo } from '../io';
import { parseWith } from '../parse-option';

interface TopicsOptions extends GlobalOptions, TopicsFlags {
  job?: string;
}

const JOB_FLAGS = [
  ['k', '--k'],
  ['seed', '--seed'],
  ['passagesPerFile', '--passages-per-file'],
  ['terms', '--terms'],
] as const;

export function registerTopics(program: Command, io: CliIo): void {
  program
    .command('topics')
    .description(
      'what the documents are about: clusters of similar documents (separation vectors, encoded on demand ' +
        'and kept), each labelled with its most distinctive terms per language, on a 2-D map; the same seed ' +
        'gives the same map. `--json` adds every document with its position. Ctrl+C cancels. ' +
        'Exit codes: 0 done, 1 failed, 130 cancelled, 2 bad usage.',
    )
    .argument('[paths...]', 'indexed folders, folders inside them, or files (default: every indexed folder)')
    .option('--k <n>', 'clusters (2–200; default: chosen by silhouette)', topicsFlagParsers.k)
    .option(
      '--seed <n>',
      'seed of every random choice: the same seed, the same map (default 1)',
      topicsFlagParsers.seed,
    )
    .option(
      '--passages-per-file <n>',
      "a document's first passages averaged into its vector (1–64, default 8)",
      topicsFlagParsers.passagesPerFile,
    )
    .option('--terms <n>', 'terms per cluster label (1–30, default 6)', topicsFlagParsers.terms)
    .option(
      '--job <id>',
      'a saved topics job (its id is printed when it runs) instead of running one',
      parseWith(ExploreJobIdSchema),
    )
    .action(async (paths: string[], _flags: unknown, command: Command) => {
      const options = command.optsWithGlobals<TopicsOptions>();
      checkUsage(io, options, paths);
      await withRuntime(io, options, async (runtime) => {
        const report = await topicsReport(io, options, runtime, paths);
        warnIfSynthetic(io, report, Boolean(options.json));
        if (options.json) {
          const points = await allPoints(io, options, runtime, report.summary.jobId);
          return io.out(JSON.stringify({ ...report, points }, null, 2));
        }
        if (report.kind === 'topics') io.out(formatTopicsReport(report));
      });
    });
}

function checkUsage(io: CliIo, options: TopicsOptions, paths: readonly string[]): void {
  if (options.job === undefined) return;
  const usage = (message: string) => fail(io, options, { code: 'INVALID_INPUT', message }, 2);
  if (paths.length > 0) usage('give folders or files to run a new job, or --job ID to reuse a saved one, not both');
  const named = JOB_FLAGS.filter(([key]) => options[key] !== undefined).map(([, flag]) => flag);
  if (named.length > 0) usage(`${named.join(', ')}: only for a new job (a saved job keeps the settings it ran with)`);
}

async function topicsReport(
  io: CliIo,
  options: TopicsOptions,
  runtime: Runtime,
  paths: readonly string[],
): Promise<ExploreReport> {
  if (options.job !== undefined) return savedReport(io, options, runtime, options.job, 'topics');
  const scope = await scopeFromPaths(paths, runtime.settings.settings.roots);
  if (typeof scope === 'string') return fail(io, options, { code: 'INVALID_INPUT', message: scope }, 2);
  const input = topicsInput(scope, options);
  return followExploreJob(io, options, runtime, scope, () => runtime.invoke('explore.topics', input));
}

/** Every point of the map, page by page as `explore.points` serves them. */
async function allPoints(io: CliIo, options: TopicsOptions, runtime: Runtime, jobId: string): Promise<TopicPoint[]> {
  const points: TopicPoint[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const page: Result<ExplorePoints> = await runtime.invoke('explore.points', { jobId, offset });
    if (!page.ok) return fail(io, options, page.error);
    points.push(...page.value.points);
    const next: number | null = page.value.next;
    // A page that does not move on would loop for ever: a bug in the engine, reported as one.
    if (next !== null && next <= offset) {
      return fail(io, options, { code: 'INVALID_OUTPUT', message: `explore.points went back to ${next}` });
    }
    offset = next;
  }
  return points;
}
