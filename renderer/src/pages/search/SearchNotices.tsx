import type { ResultError, SearchMode, SearchResult } from '../../../../shared';
import { routeHref } from '../../app/routes';
import { ErrorNotice } from '../../components/ErrorNotice';
import {
  HELP_LINKS,
  awaitingVectorsNotice,
  deriveNotice,
  errorAdvice,
  semanticProblem,
  type HelpLink,
} from '../../text/search';
import { ProgressBar } from '../models/ProgressBar';

function HelpAnchor({ link }: { readonly link: HelpLink }) {
  return <a href={routeHref(link === 'reembed' ? 'folders' : link)}>{HELP_LINKS[link]}</a>;
}

/** The query was refused: the code and message as they came, what to do, and a retry. */
export function SearchErrorNotice({ error, onRetry }: { readonly error: ResultError; readonly onRetry: () => void }) {
  const advice = errorAdvice(error.code);
  return (
    <ErrorNotice error={error} context="Searching" onRetry={onRetry}>
      <p>
        {advice.text} {advice.link && <HelpAnchor link={advice.link} />}
      </p>
    </ErrorNotice>
  );
}

interface Props {
  readonly result: SearchResult;
  readonly onMode: (mode: SearchMode) => void;
}

/**
 * What the vector side of this answer could not do: no model or licence (keyword still answered), another
 * provenance (re-embed), files without vectors yet, derived dimensions still being prepared.
 */
export function SemanticNotices({ result, onMode }: Props) {
  const s = result.semantic;
  const derive = s.derive && s.derive.state !== 'done' ? s.derive : null;
  const problem = s.state === 'unavailable' && s.problem ? s.problem : null;
  const help = problem ? semanticProblem(problem.code, result.mode) : null;
  return (
    <>
      {problem && help && (
        <div className="notice notice-warning" role="status">
          <p>
            <strong>Semantic search is unavailable: </strong>
            <code className="error-code">{problem.code}</code> {problem.message}
          </p>
          <p>
            {help.text} <HelpAnchor link={help.link} />
          </p>
          {result.mode === 'semantic' && (
            <button type="button" className="button" onClick={() => onMode('keyword')}>
              Search by keyword instead
            </button>
          )}
        </div>
      )}
      {!problem && s.state === 'used' && s.filesAwaitingVectors > 0 && (
        <div className="notice notice-info">
          <p>
            {awaitingVectorsNotice(s.filesAwaitingVectors)} <HelpAnchor link="folders" />
          </p>
        </div>
      )}
      {derive && (
        <div className={`notice ${derive.state === 'failed' ? 'notice-warning' : 'notice-info'}`}>
          <p>{deriveNotice(derive.dims, s.dimsUsed, derive.state)}</p>
          {derive.state !== 'failed' && (
            <ProgressBar
              label={`${derive.dims}-dimension vectors`}
              share={derive.total > 0 ? derive.done / derive.total : null}
              detail={`${derive.done.toLocaleString()} of ${derive.total.toLocaleString()} rows`}
            />
          )}
        </div>
      )}
    </>
  );
}
