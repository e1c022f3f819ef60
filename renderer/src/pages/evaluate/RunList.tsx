import type { EvalRunSummary } from '../../../../shared';
import { ErrorNotice } from '../../components/ErrorNotice';
import { JobCancelButton, JobProgress, JobShowButton } from '../../components/JobRowParts';
import { cancelButton } from '../../hooks/job-summaries';
import { EVALUATE_TEXT } from '../../text/evaluate';
import { formatDateTime } from '../../text/format';
import { canResume, isActive, runShare } from './run-list';
import type { RunAction } from './use-eval-runs';

interface Props {
  readonly runs: readonly EvalRunSummary[];
  readonly shownId: string | null;
  /** The run whose resume is being sent. */
  readonly pending: string | null;
  /** Runs asked to cancel that have not stopped yet. */
  readonly cancelling: ReadonlySet<string>;
  readonly onShow: (runId: string) => void;
  readonly onAct: (action: RunAction, runId: string) => void;
}

/** Saved runs, newest first: what each measured, its state, live progress while it runs, and its controls. */
export function RunList({ runs, shownId, pending, cancelling, onShow, onAct }: Props) {
  const text = EVALUATE_TEXT.runs;
  return (
    <ol className="job-rows" aria-label={text.listLabel}>
      {runs.map((run) => {
        const name = text.name(run);
        const shown = run.runId === shownId;
        const busy = pending === run.runId;
        const cancel = cancelButton(run, cancelling.has(run.runId), name, text);
        return (
          <li key={run.runId} className="job-row" data-shown={shown || undefined} aria-current={shown || undefined}>
            <div className="job-row-head">
              <h3 className="job-row-name" dir="auto">
                {name}
              </h3>
              <span className={`badge eval-state job-state-${run.state}`}>{text.states[run.state]}</span>
              <span className="job-row-actions">
                <JobCancelButton cancel={cancel} onCancel={() => onAct('cancel', run.runId)} />
                {canResume(run) && (
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={text.resumeLabel(name)}
                    disabled={busy || runs.some(isActive)}
                    onClick={() => onAct('resume', run.runId)}
                  >
                    {text.resume}
                  </button>
                )}
                <JobShowButton shown={shown} name={name} text={text} onShow={() => onShow(run.runId)} />
              </span>
            </div>
            <p className="hint" dir="auto">
              {text.about(run)} · {formatDateTime(run.startedAt)}
            </p>
            {isActive(run) ? (
              <JobProgress
                label={text.progressLabel(name)}
                share={runShare(run)}
                detail={text.progress(run)}
                activity={run.activity}
                activityClass="eval-activity"
              />
            ) : (
              run.state !== 'done' && <p className="hint">{text.cellsDone(run.cellsDone, run.cells)}</p>
            )}
            {run.state === 'failed' && run.error && <ErrorNotice error={run.error} context={text.failedContext} />}
            {(run.state === 'cancelled' || run.state === 'paused') && <p className="hint">{text.resumeHint}</p>}
          </li>
        );
      })}
    </ol>
  );
}
