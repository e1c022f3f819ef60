import type { ModelJob } from '../../../../shared';
import { formatBytes } from '../../../../shared';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Panel } from '../../components/Panel';
import { COMMON_TEXT } from '../../text/common';
import { MODELS_TEXT } from '../../text/models';
import { JOB_TITLES, formatEta, jobShare } from './model-format';
import { ProgressBar } from './ProgressBar';

interface Props {
  readonly job: ModelJob;
  readonly onCancel: () => void;
  readonly cancelling: boolean;
}

/** The running (or last) model job: what it does, progress per file and overall, and how it ended. */
export function JobPanel({ job, onCancel, cancelling }: Props) {
  const text = MODELS_TEXT;
  const running = job.state === 'running';
  const title = text.jobTitle(JOB_TITLES[job.kind], job.variant, text.jobStates[job.state]);
  const overall = jobShare(job);
  const file = job.file;
  const left = (seconds: number | null) => (seconds === null ? null : COMMON_TEXT.left(formatEta(seconds)));
  return (
    <Panel
      title={title}
      aside={
        running && (
          <button type="button" className="button" onClick={onCancel} disabled={cancelling}>
            {cancelling ? text.cancelling : text.cancel}
          </button>
        )
      }
    >
      {job.message && <p className={job.state === 'done' ? 'text-ok' : undefined}>{job.message}</p>}
      {running && (
        <div className="job-progress">
          {file && (
            <ProgressBar
              label={text.fileProgress(file.path)}
              share={file.total ? file.bytes / file.total : null}
              detail={facts([
                text.ofTotal(formatBytes(file.bytes), file.total ? formatBytes(file.total) : null),
                left(file.etaSeconds),
              ])}
            />
          )}
          <ProgressBar
            label={text.overall}
            share={overall}
            detail={facts([
              text.ofTotal(formatBytes(job.bytes), job.total ? formatBytes(job.total) : null),
              job.bytesPerSecond !== null ? text.perSecond(formatBytes(job.bytesPerSecond)) : null,
              left(job.etaSeconds),
            ])}
          />
        </div>
      )}
      {job.error && job.state === 'failed' && <ErrorNotice error={job.error} context={JOB_TITLES[job.kind]} />}
    </Panel>
  );
}

function facts(parts: readonly (string | null)[]): string {
  return parts.filter((part): part is string => part !== null).join(COMMON_TEXT.separator);
}
