import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

import type { SearchFileHit } from '../../../../shared';
import { SEARCH_TEXT } from '../../text/search';
import { ResultItem } from './ResultItem';

interface Props {
  readonly id: string;
  readonly files: readonly SearchFileHit[];
  /** Identifies the query: a new one starts every result folded again. */
  readonly queryKey: string;
  readonly active: number | null;
  /** A newer query is running: these results are kept, dimmed, until its answer replaces them. */
  readonly stale: boolean;
  readonly itemId: (index: number) => string;
  readonly onActivate: (index: number | null) => void;
  readonly onOpen: (file: SearchFileHit, page: number | null) => void;
  readonly onReveal: (file: SearchFileHit) => void;
  readonly onAsk: (file: SearchFileHit) => void;
  /** Escape inside the list hands the keyboard back to the search box. */
  readonly onLeave: () => void;
  /** The judging mode's control for a file; absent while judging is off. */
  readonly renderJudge?: ((file: SearchFileHit) => ReactNode) | undefined;
}

/**
 * The results, one per file. The search box keeps focus and points at the active result with
 * aria-activedescendant; a person who tabs into a result's buttons can still walk with the arrows.
 */
export function ResultList({
  id,
  files,
  queryKey,
  active,
  stale,
  itemId,
  onActivate,
  onOpen,
  onReveal,
  onAsk,
  onLeave,
  renderJudge,
}: Props) {
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    if (active === null) return;
    document.getElementById(itemId(active))?.scrollIntoView({ block: 'nearest' });
  }, [active, itemId]);

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onLeave();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const from = active ?? -1;
    const next = Math.min(Math.max(from + (event.key === 'ArrowDown' ? 1 : -1), 0), files.length - 1);
    event.preventDefault();
    onActivate(next);
    list.current?.querySelector<HTMLButtonElement>(`#${CSS.escape(itemId(next))} .result-actions button`)?.focus();
  };

  return (
    <ol
      ref={list}
      id={id}
      className="results"
      aria-label={SEARCH_TEXT.resultsLabel}
      aria-busy={stale || undefined}
      data-stale={stale || undefined}
      onKeyDown={onKeyDown}
    >
      {files.map((file, index) => (
        <ResultItem
          key={`${queryKey}\n${file.path}`}
          hit={file}
          id={itemId(index)}
          active={index === active}
          onOpen={(page) => onOpen(file, page)}
          onReveal={() => onReveal(file)}
          onAsk={() => onAsk(file)}
          onActivate={() => onActivate(index)}
          judge={renderJudge?.(file)}
        />
      ))}
    </ol>
  );
}
