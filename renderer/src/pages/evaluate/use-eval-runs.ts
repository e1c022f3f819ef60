import { useCallback, useEffect, useState } from 'react';

import type { EvalRunSummary, ResultError } from '../../../../shared';
import { useClient } from '../../app/connection-context';
import { LOADING, type Loadable } from '../../hooks/loadable';
import { useEvent } from '../../hooks/use-events';
import { mergeSaved, runList, withRun, type RunMap } from './run-list';

export type RunAction = 'cancel' | 'resume';

export interface EvalRuns {
  /** Newest first, with live progress merged in. */
  readonly runs: Loadable<readonly EvalRunSummary[]>;
  readonly reload: () => void;
  /** Records a summary a command answered with (a run just started). */
  readonly put: (summary: EvalRunSummary) => void;
  readonly act: (action: RunAction, runId: string) => Promise<void>;
  /** The last refused action, until the next one. */
  readonly refusal: { readonly action: RunAction; readonly error: ResultError } | null;
  readonly pending: string | null;
}

/**
 * `eval.runs` once, then every `eval.progress` event on top: the event is the run's newest state (the
 * saved file lags it by up to a cell). Also picks up runs started elsewhere (the CLI on the same data).
 */
export function useEvalRuns(): EvalRuns {
  const client = useClient();
  const [runs, setRuns] = useState<Loadable<RunMap>>(LOADING);
  const [generation, setGeneration] = useState(0);
  const [refusal, setRefusal] = useState<EvalRuns['refusal']>(null);
  const [pending, setPending] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void client.invoke('eval.runs', {}).then((answer) => {
      if (!live) return;
      if (!answer.ok) return setRuns({ status: 'failed', error: answer.error });
      setRuns((current) => ({
        status: 'ready',
        value:
          current.status === 'ready'
            ? mergeSaved(current.value, answer.value.runs)
            : mergeSaved(new Map(), answer.value.runs),
      }));
    });
    return () => {
      live = false;
    };
  }, [client, generation]);

  const put = useCallback((summary: EvalRunSummary) => {
    setRuns((current) => ({
      status: 'ready',
      value: withRun(current.status === 'ready' ? current.value : new Map(), summary),
    }));
  }, []);

  useEvent('eval.progress', put);
  useEvent('engine.state', (engine) => {
    if (engine.state === 'ready') setGeneration((n) => n + 1);
  });

  const act = useCallback(
    async (action: RunAction, runId: string) => {
      setPending(runId);
      setRefusal(null);
      const answer = await client.invoke(action === 'cancel' ? 'eval.cancel' : 'eval.resume', { runId });
      setPending(null);
      if (!answer.ok) setRefusal({ action, error: answer.error });
      else if ('runId' in answer.value) put(answer.value);
    },
    [client, put],
  );

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const list: Loadable<readonly EvalRunSummary[]> =
    runs.status === 'ready' ? { status: 'ready', value: runList(runs.value) } : runs;
  return { runs: list, reload, put, act, refusal, pending };
}
