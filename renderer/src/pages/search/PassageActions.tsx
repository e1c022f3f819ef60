import { SEARCH_TEXT } from '../../text/search';

interface Props {
  readonly name: string;
  readonly page: number | null;
  readonly onOpen: () => void;
  readonly onReveal: () => void;
}

/**
 * Open (at the passage's page) and Show in folder. Each button's accessible name starts with its visible
 * words (WCAG 2.5.3: speech users say what they see) and then names the file it acts on.
 */
export function PassageActions({ name, page, onOpen, onReveal }: Props) {
  const open = page === null ? SEARCH_TEXT.open : SEARCH_TEXT.openAtPage(page);
  return (
    <div className="actions passage-actions">
      <button type="button" className="button button-small" onClick={onOpen} aria-label={`${open}, ${name}`}>
        {open}
      </button>
      <button
        type="button"
        className="button button-small"
        onClick={onReveal}
        aria-label={`${SEARCH_TEXT.reveal}, ${name}`}
      >
        {SEARCH_TEXT.reveal}
      </button>
    </div>
  );
}
