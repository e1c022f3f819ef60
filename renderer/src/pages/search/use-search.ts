import { useCallback, useEffect, useRef, useState } from 'react';

import type { ResultError, SearchQueryInput, SearchResult } from '../../../../shared';
import { useClient } from '../../app/connection-context';
import { INITIAL_FACETS, withResult, type Facets } from './facets';
import { LatestOnly } from './latest-only';
import { debounceFor } from './search-input';

/**
 * Keystrokes closer together than this are one query: long enough to skip the letters of a word typed
 * at speed (~100–150 ms apart), short enough that results still follow the typing.
 */
export const TYPING_DEBOUNCE_MS = 200;

export interface ShownSearch {
  readonly input: SearchQueryInput;
  readonly result: SearchResult;
  /** Identifies the input: a refresh of the same query keeps the keyboard cursor, a new query resets it. */
  readonly key: string;
}

export interface SearchState {
  /** The latest answered query; it stays on screen (dimmed) while a newer one runs, so nothing jumps. */
  readonly shown: ShownSearch | null;
  /** The latest query's refusal; cleared by the next answer. */
  readonly error: { readonly input: SearchQueryInput; readonly error: ResultError } | null;
  /** A query is in flight. */
  readonly pending: boolean;
  /** File types and languages seen in results so far (for the filters). */
  readonly facets: Facets;
  /** Sends the current query now instead of after the typing pause (Enter). */
  readonly runNow: () => void;
  /** Sends the last query again (the index changed, derived vectors progressed, the engine came back). */
  readonly refresh: () => void;
}

interface Answered {
  readonly shown: ShownSearch | null;
  readonly error: SearchState['error'];
  readonly pending: boolean;
}

const IDLE: Answered = { shown: null, error: null, pending: false };

/**
 * `search.query` as you type. Every request gets a sequence number and only the answer to the newest
 * one is shown: the engine answers in any order (a cached query embedding returns first), and an older
 * answer arriving late must not replace a newer one. Requests are not cancelled — the IPC/HTTP client
 * has no abort — they are ignored.
 */
export function useSearch(input: SearchQueryInput | null): SearchState {
  const client = useClient();
  const [state, setState] = useState<Answered>(IDLE);
  const [facets, setFacets] = useState<Facets>(INITIAL_FACETS);
  const [latest] = useState(() => new LatestOnly());
  const lastSent = useRef<SearchQueryInput | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const send = useCallback(
    (request: SearchQueryInput | null) => {
      lastSent.current = request;
      if (!request) {
        latest.cancel();
        setState(IDLE);
        return;
      }
      const isLatest = latest.begin();
      setState((current) => (current.pending ? current : { ...current, pending: true }));
      void client.invoke('search.query', request).then((answer) => {
        if (!isLatest()) return;
        if (answer.ok) {
          setState({
            shown: { input: request, result: answer.value, key: keyOf(request) },
            error: null,
            pending: false,
          });
          setFacets((current) => withResult(current, answer.value));
        } else {
          setState((current) => ({ ...current, error: { input: request, error: answer.error }, pending: false }));
        }
      });
    },
    [client, latest],
  );

  useEffect(() => {
    const delay = input ? debounceFor(lastSent.current, input, TYPING_DEBOUNCE_MS) : 0;
    timer.current = setTimeout(() => send(input), delay);
    return () => clearTimeout(timer.current);
  }, [input, send]);

  const runNow = useCallback(() => {
    clearTimeout(timer.current);
    send(input);
  }, [input, send]);

  const refresh = useCallback(() => {
    if (lastSent.current) send(lastSent.current);
  }, [send]);

  return { ...state, facets, runNow, refresh };
}

export function keyOf(input: SearchQueryInput): string {
  return JSON.stringify(input);
}
