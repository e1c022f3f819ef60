import type { ExploreJobSummary } from '../../../../shared';
import { ErrorNotice } from '../../components/ErrorNotice';
import { JobCancelButton, JobProgress, JobShowButton } from '../../components/JobRowParts';
import { EXPLORE_TEXT } from '../../text/explore';
import { formatDateTime } from '../../text/format';
import { cancelButton, isActive, jobShare } from './job-list';

interface Props {
  readonly jobs: readonly ExploreJobSummary[];
  readonly shownId: string | null;
  /** Jobs asked to cancel that have not ended yet. */
  readonly pending: ReadonlySet<string>;
  readonly onShow: (jobId: string) => void;
  readonly onCancel: (jobId: string) => void;
}

/** Saved jobs, newest first: what each looked at, its state, live progress and Cancel while it runs. */
export function JobList({ jobs, shownId, pending, onShow, onCancel }: Props) {
  const text = EXPLORE_TEXT.jobs;
  return (
    <ol className="job-rows" aria-label={text.listLabel}>
      {jobs.map((job) => {
        const name = text.name(job);
        const shown = job.jobId === shownId;
        const cancel = cancelButton(job, pending);
        return (
          <li key={job.jobId} className="job-row" data-shown={shown || undefined} aria-current={shown || undefined}>
            <div className="job-row-head">
              <h3 className="job-row-name" dir="auto">
                {name}
              </h3>
              <span className={`badge explore-state job-state-${job.state}`}>{text.states[job.state]}</span>
              <span className="job-row-actions">
                <JobCancelButton cancel={cancel} onCancel={() => onCancel(job.jobId)} />
                <JobShowButton shown={shown} name={name} text={text} onShow={() => onShow(job.jobId)} />
              </span>
            </div>
            <p className="hint" dir="auto">
              {text.about(job)} · {formatDateTime(job.startedAt)}
            </p>
            {isActive(job) && (
              <JobProgress
                label={text.progressLabel(name)}
                share={jobShare(job)}
                detail={text.progress(job)}
                activity={job.activity}
                activityClass="explore-activity"
              />
            )}
            {job.state === 'failed' && job.error && <ErrorNotice error={job.error} context={text.failedContext} />}
            {job.state === 'cancelled' && (
              <p className="hint">
                {job.error ? `${job.error.message} ` : ''}
                {text.cancelledHint}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
