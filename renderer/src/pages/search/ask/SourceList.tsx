import type { ContextPassage } from '../../../../../shared';
import { ANSWERS_TEXT } from '../../../text/answers';
import { SEARCH_TEXT } from '../../../text/search';

/** Longer than this (characters or lines), a passage is shown folded to a few lines with a toggle. */
const FOLD_CHARS = 320;
const FOLD_LINES = 4;

interface Props {
  readonly passages: readonly ContextPassage[];
  /** Numbers the answer cites (marked "cited"). */
  readonly cited: ReadonlySet<number>;
  /** The source a citation was clicked for. */
  readonly highlighted: number | null;
  readonly expanded: ReadonlySet<number>;
  readonly onToggle: (n: number) => void;
  readonly onOpen: (passage: ContextPassage) => void;
  /** The element id of source `n`: citations scroll to it. */
  readonly idFor: (n: number) => string;
}

/** The numbered passages the answer was given, each with its citation, evidence and Open. */
export function SourceList({ passages, cited, highlighted, expanded, onToggle, onOpen, idFor }: Props) {
  const text = ANSWERS_TEXT.sources;
  return (
    <ol className="sources" aria-label={text.listLabel}>
      {passages.map((passage) => {
        const id = idFor(passage.n);
        const shown = compact(passage.text);
        const foldable = shown.length > FOLD_CHARS || shown.split('\n').length > FOLD_LINES;
        const open = expanded.has(passage.n) || !foldable;
        const openLabel = passage.page === null ? SEARCH_TEXT.open : SEARCH_TEXT.openAtPage(passage.page);
        return (
          <li
            key={passage.n}
            id={id}
            className="source"
            tabIndex={-1}
            data-highlighted={highlighted === passage.n || undefined}
          >
            <div className="source-head">
              <span className="source-n">{passage.n}</span>
              <span className="source-citation" dir="auto">
                {passage.citation}
              </span>
              <span className="badge" title={text.evidenceHint[passage.evidence]}>
                {text.evidence[passage.evidence]}
              </span>
              {cited.has(passage.n) && <span className="badge badge-cited">{text.cited}</span>}
            </div>
            <p
              id={`${id}-text`}
              className="source-text"
              data-folded={!open || undefined}
              lang={passage.language && passage.language !== 'und' ? passage.language : undefined}
              dir="auto"
            >
              {shown}
            </p>
            {passage.alsoIn.length > 0 && <p className="hint">{text.alsoIn(passage.alsoIn)}</p>}
            <div className="actions source-actions">
              <button
                type="button"
                className="button button-small"
                aria-label={`${openLabel}, ${passage.name}`}
                onClick={() => onOpen(passage)}
              >
                {openLabel}
              </button>
              {foldable && (
                <button
                  type="button"
                  className="button button-small button-quiet"
                  aria-expanded={open}
                  aria-controls={`${id}-text`}
                  onClick={() => onToggle(passage.n)}
                >
                  {open ? text.showLess : text.showAll}
                </button>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/** Blank lines between a heading and its text take a folded passage's few lines: one line break is enough. */
function compact(text: string): string {
  return text.trim().replace(/\n\s*\n/g, '\n');
}
