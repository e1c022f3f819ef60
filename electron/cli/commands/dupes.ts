import type { Command } from 'commander';

import { ExploreJobIdSchema, type ExploreReport } from '../../../shared';
import type { Runtime } from '../../engine/runtime';
import { fail, withRuntime, type GlobalOptions } from '../context';
import { followExploreJob, savedReport, warnIfSynthetic } from '../explore-job';
import { dupesFlagParsers, dupesInput, indexedFilePath, scopeFromPaths, type DupesFlags } from '../explore-options';
import { formatDupesReport } from '../format-explore';
import { formatPair } from '../format-pair';
import type { CliIo } from '../io';
import { parseWith } from '../parse-option';
import { highlightStyle } from './search';

interface DupesOptions extends GlobalOptions, DupesFlags {
  pair?: string[];
  job?: string;
}

export function registerDupes(program: Command, io: CliIo): void {
  program
    .command('dupes')
    .description(
      'find duplicate files: the same bytes (by hash), then near-duplicates whose passages match ' +
        '(text-matching vectors, encoded on demand and kept, so a second run is quick); a translation is a ' +
        'near-duplicate by design. Ctrl+C cancels. Exit codes: 0 done, 1 failed, 130 cancelled, 2 bad usage.',
    )
    .argument('[paths...]', 'indexed folders, folders inside them, or files (default: every indexed folder)')
    .option(
      '--threshold <cosine>',
      'passages at or above this similarity match (0.5–1, default 0.9)',
      dupesFlagParsers.threshold,
    )
    .option(
      '--min-share <share>',
      "share of each file's passages that must match for near-duplicates (0.05–1, default 0.5)",
      dupesFlagParsers.minShare,
    )
    .option('--pair <files...>', 'two files side by side: their matched passages, the differing words marked')
    .option(
      '--job <id>',
      'a saved duplicates job (its id is printed when it runs) instead of running one',
      parseWith(ExploreJobIdSchema),
    )
    .action(async (paths: string[], _flags: unknown, command: Command) => {
      const options = command.optsWithGlobals<DupesOptions>();
      checkUsage(io, options, paths);
      await withRuntime(io, options, async (runtime) => {
        const report = await dupesReport(io, options, runtime, paths);
        warnIfSynthetic(io, report, Boolean(options.json || options.pair));
        if (options.pair) return showPair(io, options, runtime, report, options.pair);
        if (options.json) return io.out(JSON.stringify(report, null, 2));
        if (report.kind === 'dupes') io.out(formatDupesReport(report));
      });
    });
}

function checkUsage(io: CliIo, options: DupesOptions, paths: readonly string[]): void {
  const usage = (message: string) => fail(io, options, { code: 'INVALID_INPUT', message }, 2);
  if (options.pair && options.pair.length !== 2) {
    usage(`--pair takes two files (got ${options.pair.length}): --pair A B, after the folders or files`);
  }
  if (options.job === undefined) return;
  if (paths.length > 0) usage('give folders or files to run a new job, or --job ID to reuse a saved one, not both');
  const flags = [options.threshold !== undefined && '--threshold', options.minShare !== undefined && '--min-share'];
  const named = flags.filter((f): f is string => typeof f === 'string');
  if (named.length > 0) usage(`${named.join(', ')}: only for a new job (a saved job keeps the settings it ran with)`);
}

/** The saved job's report with `--job`, else a new job over the given paths, followed to its end. */
async function dupesReport(
  io: CliIo,
  options: DupesOptions,
  runtime: Runtime,
  paths: readonly string[],
): Promise<ExploreReport> {
  if (options.job !== undefined) return savedReport(io, options, runtime, options.job, 'dupes');
  const scope = await scopeFromPaths(paths, runtime.settings.settings.roots);
  if (typeof scope === 'string') return fail(io, options, { code: 'INVALID_INPUT', message: scope }, 2);
  const input = dupesInput(scope, options);
  return followExploreJob(io, options, runtime, scope, () => runtime.invoke('explore.dupes', input));
}

/**
 * `--pair A B` via `explore.pair` (which compares an exact copy as the file it copies, under its own
 * name); two copies of one file are said to be so without asking.
 */
async function showPair(
  io: CliIo,
  options: DupesOptions,
  runtime: Runtime,
  report: ExploreReport,
  [first = '', second = '']: readonly string[],
): Promise<void> {
  const roots = runtime.settings.settings.roots;
  const exact = report.kind === 'dupes' ? (report.dupes?.exact ?? []) : [];
  const groupOf = (path: string) => exact.find((g) => g.files.some((f) => f.path === path));
  const [a, b] = [await indexedFilePath(first, roots), await indexedFilePath(second, roots)];
  const [groupA, groupB] = [groupOf(a), groupOf(b)];
  if (groupA && groupA === groupB) {
    if (options.json) return io.out(JSON.stringify({ exact: true, hash: groupA.hash, a, b }, null, 2));
    return io.out(`${a}\n${b}\nthe same bytes (sha256 ${groupA.hash.slice(0, 12)}): exact duplicates`);
  }
  const input = { jobId: report.summary.jobId, a, b };
  const result = await runtime.invoke('explore.pair', input);
  if (!result.ok) return fail(io, options, result.error);
  io.out(options.json ? JSON.stringify(result.value, null, 2) : formatPair(result.value, highlightStyle(io)));
}
