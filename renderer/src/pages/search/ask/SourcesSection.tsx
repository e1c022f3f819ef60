import { useId } from 'react';

import type { ContextPack, ContextPassage } from '../../../../../shared';
import { ANSWERS_TEXT } from '../../../text/answers';
import { SourceList } from './SourceList';

/** A longer pack (a whole file) shows its first few sources until asked for all of them. */
export const SOURCES_SHOWN_FIRST = 6;

interface Props {
  readonly pack: ContextPack;
  /** Every source is listed (else the first SOURCES_SHOWN_FIRST when there are more). */
  readonly all: boolean;
  readonly onShowAll: () => void;
  readonly cited: ReadonlySet<number>;
  readonly highlighted: number | null;
  readonly expanded: ReadonlySet<number>;
  readonly onToggle: (n: number) => void;
  readonly onOpen: (passage: ContextPassage) => void;
  readonly idFor: (n: number) => string;
}

/** "Sources": what the pack holds, what was left out, and the passages themselves. */
export function SourcesSection({ pack, all, onShowAll, ...list }: Props) {
  const text = ANSWERS_TEXT.sources;
  const headingId = useId();
  if (pack.passages.length === 0) return null;
  const omitted = text.omitted(pack.omitted.budget, pack.omitted.duplicates, pack.omitted.weak);
  const facts = [
    text.summary(pack.passages.length, pack.usedTokens, pack.budgetTokens),
    pack.scope === 'document' && pack.parts > 1 ? text.parts(pack.parts) : '',
    pack.scope === 'search' && pack.search.semantic !== 'used' && pack.search.mode !== 'keyword'
      ? text.keywordOnly
      : '',
    omitted,
  ].filter(Boolean);
  return (
    <section className="ask-sources" aria-labelledby={headingId}>
      <h3 id={headingId}>{text.title}</h3>
      <p className="hint">{facts.join(' ')}</p>
      <SourceList passages={all ? pack.passages : pack.passages.slice(0, SOURCES_SHOWN_FIRST)} {...list} />
      {!all && pack.passages.length > SOURCES_SHOWN_FIRST && (
        <button type="button" className="button button-quiet sources-more" onClick={onShowAll}>
          {text.showAllSources(pack.passages.length)}
        </button>
      )}
    </section>
  );
}
