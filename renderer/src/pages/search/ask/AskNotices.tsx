import type { ContextPack, ResultError } from '../../../../../shared';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { ANSWERS_TEXT } from '../../../text/answers';
import { errorAdvice } from '../../../text/search';
import type { AskView } from './ask-state';
import { CopyContextButton } from './CopyContextButton';

/** Settings → Answers: the Settings page scrolls to the panel named after the route. */
export const ANSWER_SETTINGS_HREF = '#/settings/answers';

interface Props {
  readonly view: AskView;
  readonly pack: ContextPack | null;
  readonly onAgain: (options?: { readonly allowWeak?: boolean }) => void;
}

/**
 * What to know about an ask that did not simply answer: it was refused, the model failed, the passages
 * were weak, or no model is set up (then the passages are the result, ready to copy). The engine's own
 * remark (`outcome.notice`) is the body of the weak and no-model notices, or stands on its own.
 */
export function AskNotices({ view, pack, onAgain }: Props) {
  const text = ANSWERS_TEXT.ask;
  const hasPassages = pack !== null && pack.passages.length > 0;
  const notice = 'outcome' in view ? view.outcome.notice : null;
  const remark = notice && <p className="notice notice-info">{notice}</p>;
  switch (view.kind) {
    case 'refused':
      return <Failure error={view.error} context={text.askingContext} onRetry={() => onAgain()} />;
    case 'failed': {
      const error = view.outcome.error ?? { code: 'CHAT_FAILED', message: notice ?? '' };
      return (
        <>
          <Failure error={error} context={text.answeringContext} onRetry={() => onAgain()} />
          {view.outcome.error && remark}
        </>
      );
    }
    case 'weak':
      if (!hasPassages) return remark;
      return (
        <div className="notice notice-warning">
          <p>
            <strong>{text.weakTitle}</strong>
          </p>
          <p>{notice ?? pack.evidence.message ?? text.weakFallback}</p>
          <p>{text.weakAdvice}</p>
          <button type="button" className="button" onClick={() => onAgain({ allowWeak: true })}>
            {text.askAnyway}
          </button>
        </div>
      );
    case 'context-only':
      if (!hasPassages) return remark;
      return (
        <div className="notice notice-info">
          <p>
            <strong>{notice ?? text.noModelFallback}</strong>
          </p>
          <p>{text.noModelAdvice}</p>
          <div className="actions">
            <CopyContextButton text={pack.text} primary />
            <a href={ANSWER_SETTINGS_HREF}>{text.connectModel}</a>
          </div>
        </div>
      );
    default:
      // An answer's remarks (cut at the length limit, no citation) follow the answer: see AskPanel.
      return null;
  }
}

interface FailureProps {
  readonly error: ResultError;
  readonly context: string;
  readonly onRetry: () => void;
}

/** The error as it came (an alert), what to do about it, and Try again. */
function Failure({ error, context, onRetry }: FailureProps) {
  const text = ANSWERS_TEXT.ask;
  const chat = error.code === 'CHAT_FAILED' || error.code === 'TIMEOUT' ? error.code : null;
  return (
    <ErrorNotice error={error} context={context} onRetry={onRetry}>
      <p>
        {chat ? (
          <>
            {text.chatAdvice(chat)} <a href={ANSWER_SETTINGS_HREF}>{text.goSettings}</a>
          </>
        ) : (
          errorAdvice(error.code).text
        )}
      </p>
    </ErrorNotice>
  );
}
