import { useCallback, useEffect, useReducer, useRef } from 'react';

import type { AnswerScope } from '../../../../../shared';
import { useClient } from '../../../app/connection-context';
import { useEvent } from '../../../hooks/use-events';
import { askReducer, isRunning, newAskId, type AskRequest, type AskState } from './ask-state';

export interface Ask {
  /** The latest ask, or null when none was made or it was closed. */
  readonly state: AskState | null;
  /** Asks `question`; a running ask is cancelled first (only the latest one is shown). */
  readonly ask: (question: string, scope: AnswerScope, options?: { readonly allowWeak?: boolean }) => void;
  /** The same question again (Try again), or with weak passages allowed (Ask anyway). */
  readonly again: (options?: { readonly allowWeak?: boolean }) => void;
  /** `answer.cancel`: the answer so far stays, marked stopped. */
  readonly stop: () => void;
  /** Hides the panel (and stops a running ask). */
  readonly close: () => void;
}

/**
 * `answer.ask` with its `answer.progress` events. The ask id is made here, so events can be matched
 * from the first one on; the events of any other ask are ignored by the reducer. Leaving the page
 * cancels a running ask: nobody would see the rest, and a local model is busy until it stops.
 */
export function useAsk(): Ask {
  const client = useClient();
  const [state, dispatch] = useReducer(askReducer, null);
  // For the callbacks: which ask is running, without making them change at every delta.
  const latest = useRef<AskState | null>(null);
  useEffect(() => {
    latest.current = state;
  });

  useEvent('answer.progress', (event) => dispatch({ type: 'progress', event }));

  const cancelRunning = useCallback(() => {
    const current = latest.current;
    if (!current || !isRunning(current)) return;
    const { askId } = current.request;
    dispatch({ type: 'stop', askId });
    void client.invoke('answer.cancel', { askId });
  }, [client]);

  const send = useCallback(
    (request: AskRequest) => {
      cancelRunning();
      dispatch({ type: 'start', request });
      void client
        .invoke('answer.ask', {
          askId: request.askId,
          question: request.question,
          scope: request.scope,
          ...(request.allowWeak && { allowWeak: true }),
        })
        .then((result) => dispatch({ type: 'result', askId: request.askId, result }));
    },
    [client, cancelRunning],
  );

  const ask = useCallback<Ask['ask']>(
    (question, scope, options) =>
      send({ askId: newAskId(crypto), question, scope, allowWeak: options?.allowWeak ?? false }),
    [send],
  );

  const again = useCallback<Ask['again']>(
    (options) => {
      const previous = latest.current?.request;
      if (!previous) return;
      send({ ...previous, askId: newAskId(crypto), allowWeak: options?.allowWeak ?? previous.allowWeak });
    },
    [send],
  );

  const close = useCallback(() => {
    cancelRunning();
    dispatch({ type: 'close' });
  }, [cancelRunning]);

  useEffect(() => cancelRunning, [cancelRunning]);

  return { state, ask, again, stop: cancelRunning, close };
}
