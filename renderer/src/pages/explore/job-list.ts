import type { ExploreJobSummary } from '../../../../shared';
import {
  cancelButton as sharedCancelButton,
  isActive,
  mergeNewer,
  withNewer,
  type RevisionMap,
} from '../../hooks/job-summaries';
import { EXPLORE_TEXT } from '../../text/explore';

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

/**
 * The saved jobs (`explore.jobs`) with what the page already holds where that is newer — except a job
 * the engine reads as ended: it sends no more events, whatever the page last heard. A job interrupted
 * by an engine restart is read as cancelled from a file saved when it started (revision 0), while the
 * page may hold a "running" event of a higher revision that would otherwise stay shown for good.
 */
export function mergeSaved(shown: JobMap, saved: readonly ExploreJobSummary[]): JobMap {
  return mergeNewer(
    shown,
    saved,
    (job) => job.jobId,
    (job) => !isActive(job),
  );
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

/** What the results area says instead of results: while the job runs, or when it ended without them. */
export function reportNote(job: Pick<ExploreJobSummary, 'state'>): string | null {
  const text = EXPLORE_TEXT.report;
  if (isActive(job)) return text.running;
  if (job.state === 'cancelled') return text.cancelled;
  if (job.state === 'failed') return text.failed;
  return null;
}

/** A row's Cancel button (none once the job has ended; "Cancelling…" once asked, until it ends). */
export function cancelButton(
  job: Pick<ExploreJobSummary, 'jobId' | 'kind' | 'input' | 'state'>,
  cancelling: ReadonlySet<string>,
): ReturnType<typeof sharedCancelButton> {
  const text = EXPLORE_TEXT.jobs;
  return sharedCancelButton(job, cancelling.has(job.jobId), text.name(job), text);
}
