import { useId, useState, type ReactNode } from 'react';

import type { SearchFileHit, SearchPassage } from '../../../../shared';
import { ANSWERS_TEXT } from '../../text/answers';
import {
  SEARCH_TEXT,
  formatLocation,
  formatScore,
  hidePassages,
  languageName,
  locationBadge,
  moreMatched,
  morePassages,
} from '../../text/search';
import { PassageActions } from './PassageActions';
import { SnippetText } from './SnippetText';

interface Props {
  readonly hit: SearchFileHit;
  /** The element id the search box points at (aria-activedescendant) when this result is active. */
  readonly id: string;
  readonly active: boolean;
  readonly onOpen: (page: number | null) => void;
  readonly onReveal: () => void;
  /** A click anywhere on the result makes it the active one. */
  readonly onActivate: () => void;
  /** Asks the query about this file only. */
  readonly onAsk: () => void;
  /** The judging mode's grade control, at the end of the actions (absent while judging is off). */
  readonly judge?: ReactNode;
}

/** One file: name, path, badges, score, its best passage and, on expand, the other passages. */
export function ResultItem({ hit, id, active, onOpen, onReveal, onActivate, onAsk, judge }: Props) {
  const [expanded, setExpanded] = useState(false);
  const passagesId = useId();
  const [best, ...others] = hit.passages;
  const unseen = Math.max(0, hit.matchedPassages - hit.passages.length);
  const page = best?.location.page ?? null;
  const where = best ? locationBadge(best.location) : null;
  return (
    <li
      id={id}
      className="result"
      data-active={active || undefined}
      aria-current={active || undefined}
      onClick={onActivate}
    >
      <div className="result-head">
        <h2 className="result-name" dir="auto">
          {hit.title && hit.title !== hit.name ? (
            <>
              {hit.title} <span className="result-file">{hit.name}</span>
            </>
          ) : (
            hit.name
          )}
        </h2>
        <span className="result-score" title={scoreTitle(best)}>
          score {formatScore(hit.score)}
        </span>
      </div>
      <p className="result-path" dir="auto">
        {hit.path}
      </p>
      <ul className="badges" aria-label="About this file">
        {hit.language && hit.language !== 'und' && (
          <li className="badge" title={`Language: ${hit.language}`}>
            {languageName(hit.language)}
          </li>
        )}
        <li className="badge badge-type">{hit.format.toUpperCase()}</li>
        {where && <li className="badge">{where}</li>}
        {hit.awaitingVectors && (
          <li className="badge badge-warning" title={SEARCH_TEXT.awaitingVectorsHint}>
            {SEARCH_TEXT.awaitingVectors}
          </li>
        )}
      </ul>
      {best && <PassageBody passage={best} showLocation={false} />}
      <div className="result-actions">
        <PassageActions name={hit.name} page={page} onOpen={() => onOpen(page)} onReveal={onReveal} />
        <button
          type="button"
          className="button button-small"
          aria-label={ANSWERS_TEXT.ask.aboutFileLabel(hit.name)}
          onClick={onAsk}
        >
          {ANSWERS_TEXT.ask.aboutFile}
        </button>
        {others.length > 0 && (
          <button
            type="button"
            className="button button-quiet"
            aria-expanded={expanded}
            aria-controls={passagesId}
            onClick={() => setExpanded(!expanded)}
          >
            {expanded ? hidePassages() : morePassages(others.length)}
          </button>
        )}
        {judge}
      </div>
      {others.length > 0 && (
        <ol id={passagesId} className="passages" hidden={!expanded} aria-label={`More passages in ${hit.name}`}>
          {others.map((passage) => (
            <li key={passage.chunkId} className="passage">
              <PassageBody passage={passage} showLocation />
              <PassageActions
                name={hit.name}
                page={passage.location.page}
                onOpen={() => onOpen(passage.location.page)}
                onReveal={onReveal}
              />
            </li>
          ))}
          {unseen > 0 && <li className="passage hint">{moreMatched(unseen)}</li>}
        </ol>
      )}
    </li>
  );
}

function PassageBody({ passage, showLocation }: { readonly passage: SearchPassage; readonly showLocation: boolean }) {
  const location = showLocation ? formatLocation(passage.location) : passage.location.headings.join(' › ');
  return (
    <>
      {location && (
        <p className="passage-location" dir="auto">
          {location}
        </p>
      )}
      <SnippetText snippet={passage.snippet} language={passage.language} />
    </>
  );
}

function scoreTitle(passage: SearchPassage | undefined): string {
  if (!passage) return 'Fused score: higher is better';
  const parts = ['Fused score (reciprocal rank): higher is better'];
  if (passage.similarity !== null) parts.push(`cosine ${passage.similarity.toFixed(3)}`);
  if (passage.semanticRank !== null) parts.push(`semantic rank ${passage.semanticRank}`);
  if (passage.keywordRank !== null) parts.push(`keyword rank ${passage.keywordRank}`);
  return parts.join(' · ');
}
