import type { ExploreJobSummary } from '../../../../shared';
import { mergeNewer, withNewer, type RevisionMap } from '../../hooks/job-summaries';

export { isActive, doneShare as jobShare } from '../../hooks/job-summaries';

/** Jobs by id. */
export type JobMap = RevisionMap<ExploreJobSummary>;

/**
 * The map with one summary added or replaced, unless it already holds a newer one: `explore.dupes` can
 * answer after the events of a job that finished at once, and its answer must not take the job back to
 * "queued".
 */
export function withJob(jobs: JobMap, summary: ExploreJobSummary): JobMap {
  return withNewer(jobs, summary.jobId, summary);
}

/** The saved jobs (`explore.jobs`) with what the page already holds where that is newer. */
export function mergeSaved(shown: JobMap, saved: readonly ExploreJobSummary[]): JobMap {
  return mergeNewer(shown, saved, (job) => job.jobId);
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
