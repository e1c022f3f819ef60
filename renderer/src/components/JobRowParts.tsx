import { ProgressBar } from '../pages/models/ProgressBar';

/* The parts an Evaluate run's row and an Explore job's row share (styles in styles/job-rows.css). */

/** Cancel while the job runs ("Cancelling…" and disabled once asked: hooks/job-summaries.ts cancelButton). */
export function JobCancelButton({
  cancel,
  onCancel,
}: {
  readonly cancel: { readonly text: string; readonly label: string; readonly disabled: boolean } | null;
  readonly onCancel: () => void;
}) {
  if (!cancel) return null;
  return (
    <button
      type="button"
      className="button button-small"
      aria-label={cancel.label}
      disabled={cancel.disabled}
      onClick={onCancel}
    >
      {cancel.text}
    </button>
  );
}

/** "Shown below" for the row whose results are shown, a button to show them for the others. */
export function JobShowButton({
  shown,
  name,
  text,
  onShow,
}: {
  readonly shown: boolean;
  readonly name: string;
  readonly text: { readonly shown: string; readonly view: string; readonly viewLabel: (name: string) => string };
  readonly onShow: () => void;
}) {
  if (shown) return <span className="muted job-row-shown">{text.shown}</span>;
  return (
    <button
      type="button"
      className="button button-small button-quiet"
      aria-label={text.viewLabel(name)}
      onClick={onShow}
    >
      {text.view}
    </button>
  );
}

/** The bar of a running job and the line saying what it is doing. */
export function JobProgress({
  label,
  share,
  detail,
  activity,
  activityClass,
}: {
  readonly label: string;
  readonly share: number | null;
  readonly detail: string;
  readonly activity: string | null;
  /** The page's own class for the activity line (tests and styles find it by it). */
  readonly activityClass: string;
}) {
  return (
    <div className="job-row-progress">
      <ProgressBar label={label} share={share} detail={detail} />
      {activity && (
        <p className={`hint ${activityClass}`} dir="auto">
          {activity}
        </p>
      )}
    </div>
  );
}
