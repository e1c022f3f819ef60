import type { EvalRunSummary } from '../../../../shared';
import { mergeNewer, withNewer, type RevisionMap } from '../../hooks/job-summaries';

export { isActive, doneShare as runShare } from '../../hooks/job-summaries';

/** Stopped before the end, with work left: Resume continues it. */
export function canResume(summary: Pick<EvalRunSummary, 'state'>): boolean {
  return summary.state === 'cancelled' || summary.state === 'paused' || summary.state === 'failed';
}

/** Runs by id, newest first (the order `eval.runs` answers in). */
export type RunMap = RevisionMap<EvalRunSummary>;

/**
 * The list with one summary added or replaced, unless the list already holds a newer one: a command's
 * answer can reach the page after the events of a run that finished at once, and must not take it back
 * to "running".
 */
export function withRun(runs: RunMap, summary: EvalRunSummary): RunMap {
  return withNewer(runs, summary.runId, summary);
}

/**
 * The saved runs (`eval.runs`) with what the page already holds where that is newer (events outrun the
 * files by up to a cell) — except a run the engine reads as paused: it was interrupted by a restart and
 * will send no more events, whatever the page last heard.
 */
export function mergeSaved(shown: RunMap, saved: readonly EvalRunSummary[]): RunMap {
  return mergeNewer(
    shown,
    saved,
    (run) => run.runId,
    (run) => run.state === 'paused',
  );
}

export function runList(runs: RunMap): EvalRunSummary[] {
  return [...runs.values()].sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.runId.localeCompare(a.runId));
}

/**
 * When a shown report is out of date: a cell finished, or the run's state changed. Progress events
 * inside a cell (every few queries) do not refetch the report.
 */
export function reportVersion(summary: Pick<EvalRunSummary, 'runId' | 'cellsDone' | 'state'>): string {
  return `${summary.runId}:${summary.cellsDone}:${summary.state}`;
}
