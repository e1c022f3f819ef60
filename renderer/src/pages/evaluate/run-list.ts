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

/** The list with one summary added or replaced (a progress event, or a command's answer). */
export function withRun(runs: RunMap, summary: EvalRunSummary): RunMap {
  return new Map(runs).set(summary.runId, summary);
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
