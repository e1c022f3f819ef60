import type { IndexJob } from '../../../../shared';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Panel } from '../../components/Panel';
import { FOLDERS_TEXT } from '../../text/folders';
import { ProgressBar } from '../models/ProgressBar';
import { jobBars, jobCounters } from './job-progress';

interface Props {
  readonly job: IndexJob | null;
  readonly watching: boolean;
  readonly busy: boolean;
  readonly hasRoots: boolean;
  readonly onStart: (watch: boolean) => void;
  readonly onPause: () => void;
  readonly onResume: () => void;
  readonly onCancel: () => void;
}

/** The running (or last) indexing job with its controls; starting and watching when idle. */
export function IndexJobPanel({ job, watching, busy, hasRoots, onStart, onPause, onResume, onCancel }: Props) {
  const text = FOLDERS_TEXT.job;
  const active = job?.state === 'running' || job?.state === 'paused';
  const title = !job
    ? text.idleTitle
    : active
      ? `${text.phases[job.phase]}${job.state === 'paused' ? text.pausedSuffix : ''}`
      : text.endedTitle(job.state);
  const controls = active ? (
    <div className="actions">
      {job.state === 'paused' ? (
        <button type="button" className="button" onClick={onResume} disabled={busy}>
          {text.resume}
        </button>
      ) : (
        <button type="button" className="button" onClick={onPause} disabled={busy}>
          {text.pause}
        </button>
      )}
      <button type="button" className="button" onClick={onCancel} disabled={busy}>
        {text.cancel}
      </button>
    </div>
  ) : (
    <div className="actions">
      <button type="button" className="button" onClick={() => onStart(false)} disabled={busy || !hasRoots}>
        {text.start}
      </button>
      {watching ? (
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {text.stopWatching}
        </button>
      ) : (
        <button type="button" className="button" onClick={() => onStart(true)} disabled={busy || !hasRoots}>
          {text.watch}
        </button>
      )}
    </div>
  );
  return (
    <Panel title={title} aside={controls}>
      {watching && <p className="text-ok">{text.watching}</p>}
      {job?.message && <p className={job.state === 'done' ? 'text-ok' : undefined}>{job.message}</p>}
      {job && active && <JobProgress job={job} />}
      {job?.modelProblem && <p className="notice notice-warning">{text.keywordFirst(job.modelProblem)}</p>}
      {job?.error && job.state === 'failed' && <ErrorNotice error={job.error} context={text.context} />}
      {job?.state === 'cancelled' && <p className="hint">{text.resumeHint}</p>}
      {!job && <p className="muted">{text.nothingYet}</p>}
    </Panel>
  );
}

function JobProgress({ job }: { readonly job: IndexJob }) {
  const text = FOLDERS_TEXT.job;
  return (
    <div className="job-progress">
      {jobBars(job).map((bar) => (
        <ProgressBar key={bar.label} label={bar.label} share={bar.share} detail={bar.detail} />
      ))}
      <p className="hint">{jobCounters(job)}</p>
      {job.currentFile && (
        <p className="hint current-file">
          {text.now} <code>{job.currentFile}</code>
        </p>
      )}
    </div>
  );
}
