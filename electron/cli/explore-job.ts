import type { ExploreJobSummary, ExploreKind, ExploreReport, ExploreScope, Result } from '../../shared';
import { isSameOrInside } from '../engine/indexer/root-rules';
import type { Runtime } from '../engine/runtime';
import { CliFailure, fail, type GlobalOptions } from './context';
import { describeExploreProgress, describeJob, exploreSyntheticWarning } from './format-explore';
import type { CliIo } from './io';
import { createRedrawnLine } from './progress-line';

/** 128 + the signal's number, as shells report a process stopped by it. */
const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/**
 * Starts an Explore job and follows it in this process: progress on stderr, Ctrl+C cancels it (the
 * passages it encoded are kept, so running it again continues). Returns the finished job's report; a
 * cancelled or failed job is reported here and ends the command (130 / 143, or 1).
 */
export async function followExploreJob(
  io: CliIo,
  options: GlobalOptions,
  runtime: Runtime,
  scope: ExploreScope | undefined,
  start: () => Promise<Result<ExploreJobSummary>>,
): Promise<ExploreReport> {
  const line = createRedrawnLine(io);
  let jobId: string | null = null;
  // Events come while the job starts; they are drawn once the line naming the job is out.
  const early: ExploreJobSummary[] = [];
  const draw = (summary: ExploreJobSummary): void => {
    if (summary.state === 'running' || summary.state === 'queued') {
      // The activity has counts in it ("encoding passages: 32 of 83"): a log gets a line per step, not per count.
      line.draw(describeExploreProgress(summary), (summary.activity ?? summary.state).replace(/\d+/gu, '#'));
    }
  };
  const unsubscribe = runtime.events.subscribe((event) => {
    if (event.name !== 'explore.progress') return;
    if (jobId === null) early.push(event.payload);
    else if (event.payload.jobId === jobId) draw(event.payload);
  });
  let stoppedBy: string | null = null;
  try {
    await noteWaitingFiles(io, runtime, scope);
    const started = await start();
    if (!started.ok) {
      // The engine reads indexed files only: say how to get there.
      const hint = started.error.code === 'FILE_NOT_INDEXED' ? ' — `polyseek index start` indexes them' : '';
      return fail(io, options, { ...started.error, message: started.error.message + hint });
    }
    const id = started.value.jobId;
    jobId = id;
    io.err(`polyseek: ${describeJob(started.value)} (${started.value.files} files)`);
    const latest = early.filter((summary) => summary.jobId === id).at(-1);
    if (latest) draw(latest);
    void io.waitForStop().then(async (signal) => {
      stoppedBy = signal;
      line.end();
      io.err(`polyseek: ${signal}, cancelling the job (the passages it encoded are kept)…`);
      await runtime.invoke('explore.cancel', { jobId: id });
    });
    await runtime.engine.explore.idle();
    line.end();
    const result = await runtime.invoke('explore.report', { jobId: id });
    if (!result.ok) return fail(io, options, result.error);
    const report = result.value;
    const { state, error } = report.summary;
    if (state === 'done') return report;
    if (state === 'cancelled') {
      if (options.json) io.out(JSON.stringify(report, null, 2));
      io.err('polyseek: cancelled; run the same command again to continue (encoded passages are kept)');
      throw new CliFailure(stoppedBy === null ? 130 : (SIGNAL_EXIT[stoppedBy] ?? 130), 'cancelled');
    }
    return fail(io, options, error ?? { code: 'INTERNAL', message: `the job ended ${state}` });
  } finally {
    line.end();
    unsubscribe();
  }
}

/**
 * A job reads what is indexed; files a crawl found but indexing has not reached yet are left out. Says so
 * (per root the scope touches) rather than letting a half-indexed folder look complete.
 */
async function noteWaitingFiles(io: CliIo, runtime: Runtime, scope: ExploreScope | undefined): Promise<void> {
  const status = await runtime.invoke('index.status', {});
  if (!status.ok) return;
  const wanted = [...(scope?.roots ?? []), ...(scope?.folders ?? [])];
  for (const root of status.value.roots) {
    const touched = wanted.length === 0 || wanted.some((p) => isSameOrInside(root.path, p));
    if (!touched || root.pending === 0) continue;
    io.err(
      `polyseek: ${root.pending} ${root.pending === 1 ? 'file' : 'files'} of ${root.path} ` +
        'not indexed yet are left out — `polyseek index start` first to include them',
    );
  }
}

/** A saved job's report for `--job ID`; a job of the other kind is a usage mistake. */
export async function savedReport(
  io: CliIo,
  options: GlobalOptions,
  runtime: Runtime,
  jobId: string,
  kind: ExploreKind,
): Promise<ExploreReport> {
  const result = await runtime.invoke('explore.report', { jobId });
  if (!result.ok) return fail(io, options, result.error);
  const report = result.value;
  if (report.kind !== kind) {
    const other = report.kind === 'dupes' ? 'dupes' : 'topics';
    const message = `job ${jobId} is a ${other} job: \`polyseek ${other} --job ${jobId}\` shows it`;
    return fail(io, options, { code: 'INVALID_INPUT', message }, 2);
  }
  const { state, error } = report.summary;
  if (state !== 'done') {
    const code = error?.code ?? (state === 'cancelled' ? 'CANCELLED' : 'JOB_RUNNING');
    const why = error ? ` (${error.message})` : '';
    return fail(io, options, { code, message: `job ${jobId} is ${state}${why}: it has no results; run it again` });
  }
  return report;
}

/**
 * The synthetic-model warning on stderr when stdout will not carry it: `--json` (for a program, so the
 * warning never goes unseen) or a view without the report's header (`--pair`).
 */
export function warnIfSynthetic(io: CliIo, report: ExploreReport, headerless: boolean): void {
  const warning = exploreSyntheticWarning(report);
  if (warning && headerless) io.err(`polyseek: ${warning}`);
}
