/** The keys the result list answers to, as a pure function of the key and where the cursor is. */
export interface KeyPress {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

/**
 * What a key press does:
 * - `move`: the active result changes (null: none, the caret stays in the search box);
 * - `open` / `reveal`: the result at `index`;
 * - `search`: run the query now, without waiting for the debounce (Enter with no active result);
 * - `clear`: empty the search box and the results.
 */
export type KeyCommand =
  | { readonly type: 'move'; readonly active: number | null }
  | { readonly type: 'open' | 'reveal'; readonly index: number }
  | { readonly type: 'search' }
  | { readonly type: 'clear' };

/**
 * ArrowDown/ArrowUp walk the results without wrapping (Up from the first one returns to the search box),
 * PageDown/PageUp jump five, Enter opens, Shift+Enter reveals, Escape clears. Returns null for keys left
 * to the browser (typing, caret movement, shortcuts with modifiers).
 */
export function keyCommand(press: KeyPress, active: number | null, count: number): KeyCommand | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  const current = active !== null && active < count ? active : null;
  switch (press.key) {
    case 'ArrowDown':
      if (count === 0) return null;
      return { type: 'move', active: current === null ? 0 : Math.min(current + 1, count - 1) };
    case 'ArrowUp':
      if (current === null) return null;
      return { type: 'move', active: current === 0 ? null : current - 1 };
    case 'PageDown':
      if (count === 0) return null;
      return { type: 'move', active: Math.min((current ?? -1) + PAGE, count - 1) };
    case 'PageUp':
      if (current === null) return null;
      return { type: 'move', active: current - PAGE < 0 ? 0 : current - PAGE };
    case 'Enter':
      if (current === null) return press.shiftKey ? null : { type: 'search' };
      return { type: press.shiftKey ? 'reveal' : 'open', index: current };
    case 'Escape':
      return { type: 'clear' };
    default:
      return null;
  }
}

const PAGE = 5;

/** Ctrl-K (⌘-K on a Mac keyboard) focuses the search box from anywhere on the page. */
export function isFocusShortcut(press: KeyPress): boolean {
  return press.key.toLowerCase() === 'k' && (press.ctrlKey || press.metaKey) && !press.altKey && !press.shiftKey;
}

/** After new results arrive: keep the cursor on the same index when the list is the same query refreshed. */
export function activeAfterResults(active: number | null, count: number, sameQuery: boolean): number | null {
  if (!sameQuery || active === null || count === 0) return null;
  return Math.min(active, count - 1);
}

/** Ctrl+Enter (⌘+Enter on a Mac keyboard) in the search box asks the query as a question. */
export function isAskShortcut(press: KeyPress): boolean {
  return press.key === 'Enter' && (press.ctrlKey || press.metaKey) && !press.altKey && !press.shiftKey;
}
