import type { ExploreJobSummary } from '../../../../shared';

/** States a job can still move on from by itself (progress events keep coming). */
export function isActive(summary: Pick<ExploreJobSummary, 'state'>): boolean {
  return summary.state === 'queued' || summary.state === 'running';
}

/** Share of the work done (0–1), or null while the total is not known yet. */
export function jobShare(summary: Pick<ExploreJobSummary, 'done' | 'total'>): number | null {
  return summary.total > 0 ? Math.min(1, summary.done / summary.total) : null;
}

/** Jobs by id. */
export type JobMap = ReadonlyMap<string, ExploreJobSummary>;

/**
 * The map with one summary added or replaced (a progress event, a command's answer, the saved list),
 * unless it already holds a newer one: `explore.dupes` can answer after the events of a job that
 * finished at once, and its answer must not take the job back to "queued".
 */
export function withJob(jobs: JobMap, summary: ExploreJobSummary): JobMap {
  const known = jobs.get(summary.jobId);
  if (known && known.revision > summary.revision) return jobs;
  return new Map(jobs).set(summary.jobId, summary);
}

/** The saved jobs (`explore.jobs`) with what the page already holds where that is newer. */
export function mergeSaved(shown: JobMap, saved: readonly ExploreJobSummary[]): JobMap {
  let map: JobMap = new Map(saved.map((job) => [job.jobId, job]));
  for (const job of shown.values()) map = withJob(map, job);
  return map;
}

/** Newest first. */
export function jobList(jobs: JobMap): ExploreJobSummary[] {
  return [...jobs.values()].sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.jobId.localeCompare(a.jobId));
}

/**
 * When a shown report is out of date: the job's state changed (a report exists once it is done).
 * Progress inside a state does not refetch it.
 */
export function reportVersion(summary: Pick<ExploreJobSummary, 'jobId' | 'state'>): string {
  return `${summary.jobId}:${summary.state}`;
}

/** The job the page shows: the one picked, else the newest. */
export function shownJob(jobs: readonly ExploreJobSummary[], picked: string | null): ExploreJobSummary | null {
  return jobs.find((job) => job.jobId === picked) ?? jobs[0] ?? null;
}
