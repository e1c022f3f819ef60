import { useCallback, useRef, useState } from 'react';

import { MAX_SELECTED_FILES, type ResultError, type SearchResult } from '../../../../shared';
import { useClient } from '../../app/connection-context';

export type SelectionSearch =
  | { readonly status: 'idle' }
  | { readonly status: 'searching' }
  | { readonly status: 'ready'; readonly result: SearchResult }
  | { readonly status: 'failed'; readonly error: ResultError };

/** Files shown for a search within a selection. */
const LIMIT = 20;

/**
 * `search.query` restricted to exactly the selected files (`filters.files`); an answer to an older query is
 * dropped. The component using it is keyed by the selection, so a new selection starts afresh.
 */
export function useSelectionSearch(paths: readonly string[]): {
  readonly state: SelectionSearch;
  readonly run: (query: string) => void;
} {
  const client = useClient();
  const [state, setState] = useState<SelectionSearch>({ status: 'idle' });
  const ticket = useRef(0);

  const run = useCallback(
    (query: string) => {
      if (query.trim() === '' || paths.length === 0) return;
      ticket.current += 1;
      const mine = ticket.current;
      setState({ status: 'searching' });
      const files = paths.slice(0, MAX_SELECTED_FILES);
      void client.invoke('search.query', { query, filters: { files }, limit: LIMIT, perFile: 1 }).then((answer) => {
        if (mine !== ticket.current) return;
        setState(answer.ok ? { status: 'ready', result: answer.value } : { status: 'failed', error: answer.error });
      });
    },
    [client, paths],
  );

  return { state, run };
}
