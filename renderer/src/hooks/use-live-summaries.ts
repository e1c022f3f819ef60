import { useCallback, useEffect, useMemo, useState } from 'react';

import type { EventName, EventPayload, Result } from '../../../shared';
import { useClient } from '../app/connection-context';
import type { PolyseekClient } from '../client';
import { LOADING, type Loadable } from './loadable';
import { useEvent } from './use-events';

type SummaryMap<E extends EventName> = ReadonlyMap<string, EventPayload<E>>;

/**
 * Where a list of background jobs comes from and how its summaries merge (answers and events race).
 * Defined once at module level: the hook reloads when it changes.
 */
export interface LiveSource<E extends EventName> {
  /** The saved summaries (`eval.runs`, `explore.jobs`). */
  readonly load: (client: PolyseekClient) => Promise<Result<readonly EventPayload<E>[]>>;
  /** The event that carries each newer summary (`eval.progress`, `explore.progress`). */
  readonly event: E;
  /** One summary added, unless the map holds a newer one. */
  readonly put: (map: SummaryMap<E>, summary: EventPayload<E>) => SummaryMap<E>;
  /** The saved summaries with what the page already holds where that is newer. */
  readonly merge: (shown: SummaryMap<E>, saved: readonly EventPayload<E>[]) => SummaryMap<E>;
  /** In the order the page shows them. */
  readonly list: (map: SummaryMap<E>) => EventPayload<E>[];
}

export interface LiveSummaries<T> {
  /** In the source's order, with live progress merged in. */
  readonly summaries: Loadable<readonly T[]>;
  readonly reload: () => void;
  /** Records a summary a command answered with (a job just started). */
  readonly put: (summary: T) => void;
}

/** The saved summaries once (and again when the engine restarts), then every progress event on top. */
export function useLiveSummaries<E extends EventName>(source: LiveSource<E>): LiveSummaries<EventPayload<E>> {
  const client = useClient();
  const [map, setMap] = useState<Loadable<SummaryMap<E>>>(LOADING);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    void source.load(client).then((answer) => {
      if (!live) return;
      if (!answer.ok) return setMap({ status: 'failed', error: answer.error });
      setMap((current) => ({
        status: 'ready',
        value: source.merge(current.status === 'ready' ? current.value : new Map(), answer.value),
      }));
    });
    return () => {
      live = false;
    };
  }, [client, source, generation]);

  const put = useCallback(
    (summary: EventPayload<E>) => {
      setMap((current) => ({
        status: 'ready',
        value: source.put(current.status === 'ready' ? current.value : new Map(), summary),
      }));
    },
    [source],
  );

  useEvent(source.event, put);
  useEvent('engine.state', (engine) => {
    if (engine.state === 'ready') setGeneration((n) => n + 1);
  });

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  // The same object until the summaries change: consumers may follow it (use-cancelling.ts).
  const summaries = useMemo<Loadable<readonly EventPayload<E>[]>>(
    () => (map.status === 'ready' ? { status: 'ready', value: source.list(map.value) } : map),
    [map, source],
  );
  return { summaries, reload, put };
}
