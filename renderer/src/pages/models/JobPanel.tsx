import type { ModelJob } from '../../../../shared';
import { formatBytes } from '../../../../shared';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Panel } from '../../components/Panel';
import { JOB_TITLES, formatEta, jobShare } from './model-format';
import { ProgressBar } from './ProgressBar';

interface Props {
  readonly job: ModelJob;
  readonly onCancel: () => void;
  readonly cancelling: boolean;
}

const STATE_WORDS: Readonly<Record<ModelJob['state'], string>> = {
  running: 'running',
  done: 'done',
  failed: 'failed',
  cancelled: 'cancelled',
};

/** The running (or last) model job: what it does, progress per file and overall, and how it ended. */
export function JobPanel({ job, onCancel, cancelling }: Props) {
  const running = job.state === 'running';
  const title = `${JOB_TITLES[job.kind]}${job.variant ? ` (${job.variant})` : ''}: ${STATE_WORDS[job.state]}`;
  const overall = jobShare(job);
  const file = job.file;
  return (
    <Panel
      title={title}
      aside={
        running && (
          <button type="button" className="button" onClick={onCancel} disabled={cancelling}>
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        )
      }
    >
      {job.message && <p className={job.state === 'done' ? 'text-ok' : undefined}>{job.message}</p>}
      {running && (
        <div className="job-progress">
          {file && (
            <ProgressBar
              label={`File ${file.path}`}
              share={file.total ? file.bytes / file.total : null}
              detail={`${formatBytes(file.bytes)}${file.total ? ` of ${formatBytes(file.total)}` : ''}${
                file.etaSeconds !== null ? ` · ${formatEta(file.etaSeconds)} left` : ''
              }`}
            />
          )}
          <ProgressBar
            label="Overall"
            share={overall}
            detail={[
              `${formatBytes(job.bytes)}${job.total ? ` of ${formatBytes(job.total)}` : ''}`,
              job.bytesPerSecond !== null ? `${formatBytes(job.bytesPerSecond)}/s` : null,
              job.etaSeconds !== null ? `${formatEta(job.etaSeconds)} left` : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          />
        </div>
      )}
      {job.error && job.state === 'failed' && <ErrorNotice error={job.error} context={JOB_TITLES[job.kind]} />}
    </Panel>
  );
}
