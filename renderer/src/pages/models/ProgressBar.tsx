import { COMMON_TEXT } from '../../text/common';
import { formatNumber } from '../../text/format';

interface Props {
  readonly label: string;
  /** 0–1, or null while the total is unknown (an indeterminate bar). */
  readonly share: number | null;
  readonly detail: string;
}

/** A labelled progress bar with its numbers beside it, announced as a progressbar. */
export function ProgressBar({ label, share, detail }: Props) {
  const percent = share === null ? null : Math.floor(share * 100);
  return (
    <div className="progress">
      <div className="progress-label">
        <span>{label}</span>
        <span className="muted progress-detail">
          {percent !== null && `${formatNumber(percent / 100, { style: 'percent' })}${COMMON_TEXT.separator}`}
          {detail}
        </span>
      </div>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
      >
        <div className="progress-fill" style={{ width: `${percent ?? 100}%` }} data-indeterminate={percent === null} />
      </div>
    </div>
  );
}
