import type { ExploreJobSummary } from '../../../../shared';
import { ErrorNotice } from '../../components/ErrorNotice';
import { EXPLORE_TEXT } from '../../text/explore';
import { DupesView } from './DupesView';
import { reportNote, reportVersion } from './job-list';
import { TopicsView } from './TopicsView';
import { useExploreReport } from './use-explore-report';

interface Props {
  readonly job: ExploreJobSummary;
  readonly onOpen: (path: string) => void;
  /** Another job is running; `onStarted` takes a job started from these results (a map's selection). */
  readonly busy: boolean;
  readonly onStarted: (summary: ExploreJobSummary) => void;
}

/**
 * The shown job's results once it is done (fetched again whenever its state changes); until then, or
 * when it ended without them (cancelled, failed), a line saying so.
 */
export function JobReport({ job, onOpen, busy, onStarted }: Props) {
  const text = EXPLORE_TEXT.report;
  const report = useExploreReport(job.jobId, reportVersion(job));
  const name = EXPLORE_TEXT.jobs.name(job);
  const note = reportNote(job);
  if (note !== null) return <p className="muted explore-waiting">{note}</p>;
  if (report.status === 'failed') return <ErrorNotice error={report.error} context={text.reading} />;
  if (report.status === 'loading' || report.report.summary.state !== 'done') {
    return (
      <p className="muted" aria-busy="true">
        {text.loading}
      </p>
    );
  }
  const { report: value } = report;
  if (value.kind === 'dupes') {
    return value.dupes ? (
      <DupesView key={job.jobId} jobId={job.jobId} name={name} report={value.dupes} onOpen={onOpen} />
    ) : (
      <p className="muted">{text.none}</p>
    );
  }
  return value.topics ? (
    <TopicsView
      key={job.jobId}
      jobId={job.jobId}
      name={name}
      report={value.topics}
      onOpen={onOpen}
      busy={busy}
      onStarted={onStarted}
    />
  ) : (
    <p className="muted">{text.none}</p>
  );
}
