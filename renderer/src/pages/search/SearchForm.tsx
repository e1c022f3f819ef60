import { useId, type KeyboardEvent, type RefObject } from 'react';

import { SEARCH_MODES, type SearchMode } from '../../../../shared';
import { ANSWERS_TEXT } from '../../text/answers';
import { SEARCH_TEXT } from '../../text/search';

/** ⌘ K on Apple keyboards, Ctrl K elsewhere (both work everywhere). Read when drawn: modules load in Node tests too. */
function shortcutLabel(): string {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘ K' : 'Ctrl K';
}

interface Props {
  readonly inputRef: RefObject<HTMLInputElement | null>;
  readonly query: string;
  readonly onQuery: (query: string) => void;
  readonly mode: SearchMode;
  readonly onMode: (mode: SearchMode) => void;
  /** Semantic mode needs the model licence; without it the option is shown disabled, with why. */
  readonly semanticAvailable: boolean;
  readonly onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  /** The result list the arrows move through (null while none is shown), and its active item. */
  readonly listId: string | null;
  readonly activeId: string | null;
  readonly pending: boolean;
  /** Asks the query as a question (the Ask button; Ctrl/⌘+Enter in the box is handled by `onKeyDown`). */
  readonly onAsk: () => void;
  /** False while the box is empty. */
  readonly canAsk: boolean;
}

/** The search box and the mode switch; results update as the person types. */
export function SearchForm({
  inputRef,
  query,
  onQuery,
  mode,
  onMode,
  semanticAvailable,
  onKeyDown,
  listId,
  activeId,
  pending,
  onAsk,
  canAsk,
}: Props) {
  const id = useId();
  return (
    <form role="search" aria-label={SEARCH_TEXT.formLabel} className="search-form" onSubmit={(e) => e.preventDefault()}>
      <div className="search-row">
        <div className="search-box">
          <label htmlFor={id} className="visually-hidden">
            {SEARCH_TEXT.queryLabel}
          </label>
          <input
            ref={inputRef}
            id={id}
            type="search"
            value={query}
            placeholder={SEARCH_TEXT.placeholder}
            autoComplete="off"
            spellCheck={false}
            // The Search page is where people land: typing starts at once.
            autoFocus
            aria-describedby={`${id}-keys`}
            aria-controls={listId ?? undefined}
            aria-activedescendant={activeId ?? undefined}
            onChange={(event) => onQuery(event.target.value)}
            onKeyDown={onKeyDown}
          />
          <span className="search-pending" aria-hidden="true" data-visible={pending || undefined}>
            {SEARCH_TEXT.searching}
          </span>
          <kbd className="search-shortcut" aria-hidden="true">
            {shortcutLabel()}
          </kbd>
        </div>
        <button
          type="button"
          className="button button-primary search-ask"
          title={ANSWERS_TEXT.ask.actionHint}
          disabled={!canAsk}
          onClick={onAsk}
        >
          {ANSWERS_TEXT.ask.action}
        </button>
      </div>
      <fieldset className="segmented" aria-describedby={`${id}-mode`}>
        <legend className="visually-hidden">{SEARCH_TEXT.modeLegend}</legend>
        {SEARCH_MODES.map((option) => (
          <label
            key={option}
            title={
              option === 'semantic' && !semanticAvailable
                ? SEARCH_TEXT.semanticNeedsLicence
                : SEARCH_TEXT.modes[option].hint
            }
          >
            <input
              type="radio"
              name={`${id}-mode`}
              value={option}
              checked={mode === option}
              disabled={option === 'semantic' && !semanticAvailable}
              onChange={() => onMode(option)}
            />
            {SEARCH_TEXT.modes[option].label}
          </label>
        ))}
      </fieldset>
      <p id={`${id}-keys`} className="hint">
        {SEARCH_TEXT.keysHint}
      </p>
      <p id={`${id}-mode`} className="hint search-mode-hint">
        {SEARCH_TEXT.modes[mode].hint}
      </p>
    </form>
  );
}
