import { useCallback, useState } from 'react';

import type { Result, ResultError } from '../../../shared';
import { stillCancelling } from './job-summaries';
import type { Loadable } from './loadable';

export interface Cancelling {
  /** Jobs asked to cancel: the command in flight, or accepted and the job not ended yet. */
  readonly ids: ReadonlySet<string>;
  /** Sends the cancel; answers with the refusal, if any. */
  readonly cancel: (id: string) => Promise<ResultError | null>;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * Cancelling a background job (an Explore job, an evaluation run) from its row. An id stays in `ids` from
 * the click until the job's summary says it ended; a refused cancel, or one that found nothing running,
 * takes it out at once. `summaries` must keep its identity while unchanged (useLiveSummaries's does): a
 * new object every render would adjust the state every render.
 */
export function useCancelling<T extends { readonly state: string }>(
  summaries: Loadable<readonly T[]>,
  idOf: (summary: T) => string,
  send: (id: string) => Promise<Result<{ readonly cancelled: boolean }>>,
): Cancelling {
  const [ids, setIds] = useState<ReadonlySet<string>>(NONE);
  // Jobs that ended leave as the summaries change (adjusted while rendering: React's pattern for state
  // that follows a changed input, without an effect's extra render).
  const [seen, setSeen] = useState(summaries);
  if (seen !== summaries) {
    setSeen(summaries);
    if (summaries.status === 'ready') setIds(stillCancelling(ids, summaries.value, idOf));
  }

  const cancel = useCallback(
    async (id: string) => {
      setIds((current) => new Set(current).add(id));
      const answer = await send(id);
      if (answer.ok && answer.value.cancelled) return null;
      setIds((current) => {
        const rest = new Set(current);
        rest.delete(id);
        return rest;
      });
      return answer.ok ? null : answer.error;
    },
    [send],
  );

  return { ids, cancel };
}
