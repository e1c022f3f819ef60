import type { ReactNode } from 'react';

import type { ResultError } from '../../../shared';
import { COMPONENTS_TEXT } from '../text/components';

interface Props {
  readonly error: ResultError;
  /** What was being done, e.g. "Saving settings". */
  readonly context?: string;
  readonly onRetry?: () => void;
  /** What to do about it, below the message. */
  readonly children?: ReactNode;
}

/** A failure shown as it came: stable code and the host's message. */
export function ErrorNotice({ error, context, onRetry, children }: Props) {
  const text = COMPONENTS_TEXT.error;
  return (
    <div className="notice notice-error" role="alert">
      <p>
        {context && <strong>{text.failed(context)}</strong>}
        <code className="error-code">{error.code}</code> {error.message}
      </p>
      {children}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {text.retry}
        </button>
      )}
    </div>
  );
}
