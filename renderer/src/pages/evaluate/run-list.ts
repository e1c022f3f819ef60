import type { EvalRunSummary } from '../../../../shared';

/** States a run can still move on from by itself (progress events keep coming). */
export function isActive(summary: Pick<EvalRunSummary, 'state'>): boolean {
  return summary.state === 'queued' || summary.state === 'running';
}

/** Stopped before the end, with work left: Resume continues it. */
export function canResume(summary: Pick<EvalRunSummary, 'state'>): boolean {
  return summary.state === 'cancelled' || summary.state === 'paused' || summary.state === 'failed';
}

/** Share of the work done (0–1), or null while the total is not known yet. */
export function runShare(summary: Pick<EvalRunSummary, 'done' | 'total'>): number | null {
  return summary.total > 0 ? Math.min(1, summary.done / summary.total) : null;
}

/** Runs by id, newest first (the order `eval.runs` answers in). */
export type RunMap = ReadonlyMap<string, EvalRunSummary>;

/**
 * The list with one summary added or replaced (a progress event, a command's answer, the saved list),
 * unless the list already holds a newer one: a command's answer can reach the page after the events of
 * a run that finished at once, and must not take it back to "running".
 */
export function withRun(runs: RunMap, summary: EvalRunSummary): RunMap {
  const known = runs.get(summary.runId);
  if (known && known.revision > summary.revision) return runs;
  return new Map(runs).set(summary.runId, summary);
}

/**
 * The saved runs (`eval.runs`) with what the page already holds where that is newer (events outrun the
 * files by up to a cell) — except a run the engine reads as paused: it was interrupted by a restart and
 * will send no more events, whatever the page last heard.
 */
export function mergeSaved(shown: RunMap, saved: readonly EvalRunSummary[]): RunMap {
  let map: RunMap = new Map(saved.map((run) => [run.runId, run]));
  for (const run of shown.values()) {
    if (map.get(run.runId)?.state !== 'paused') map = withRun(map, run);
  }
  return map;
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
