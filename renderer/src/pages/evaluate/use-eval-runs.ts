import { useCallback, useState } from 'react';

import type { EvalRunSummary, ResultError } from '../../../../shared';
import { useClient } from '../../app/connection-context';
import type { Loadable } from '../../hooks/loadable';
import { useCancelling } from '../../hooks/use-cancelling';
import { useLiveSummaries, type LiveSource } from '../../hooks/use-live-summaries';
import { mergeSaved, runList, withRun } from './run-list';

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
  /** The run whose resume is being sent. */
  readonly pending: string | null;
  /** Runs asked to cancel that have not stopped yet. */
  readonly cancelling: ReadonlySet<string>;
}

const RUNS: LiveSource<'eval.progress'> = {
  load: async (client) => {
    const answer = await client.invoke('eval.runs', {});
    return answer.ok ? { ok: true, value: answer.value.runs } : answer;
  },
  event: 'eval.progress',
  put: withRun,
  merge: mergeSaved,
  list: runList,
};

/**
 * `eval.runs` once, then every `eval.progress` event on top: the event is the run's newest state (the
 * saved file lags it by up to a cell). Also picks up runs started elsewhere (the CLI on the same data).
 */
export function useEvalRuns(): EvalRuns {
  const client = useClient();
  const { summaries, reload, put } = useLiveSummaries(RUNS);
  const [refusal, setRefusal] = useState<EvalRuns['refusal']>(null);
  const [pending, setPending] = useState<string | null>(null);
  const send = useCallback((runId: string) => client.invoke('eval.cancel', { runId }), [client]);
  const { ids: cancelling, cancel } = useCancelling(summaries, runIdOf, send);

  const act = useCallback(
    async (action: RunAction, runId: string) => {
      setRefusal(null);
      if (action === 'cancel') {
        const error = await cancel(runId);
        if (error) setRefusal({ action, error });
        return;
      }
      setPending(runId);
      const answer = await client.invoke('eval.resume', { runId });
      setPending(null);
      if (!answer.ok) setRefusal({ action, error: answer.error });
      else put(answer.value);
    },
    [cancel, client, put],
  );

  return { runs: summaries, reload, put, act, refusal, pending, cancelling };
}

const runIdOf = (run: EvalRunSummary) => run.runId;
