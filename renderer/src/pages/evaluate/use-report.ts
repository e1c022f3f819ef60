import { useEffect, useState } from 'react';

import type { EvalReport, ResultError } from '../../../../shared';
import { useClient } from '../../app/connection-context';

export type ReportState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly report: EvalReport }
  | { readonly status: 'failed'; readonly error: ResultError };

/**
 * `eval.report` for the shown run, fetched again whenever `version` changes (a cell finished, the run
 * ended). The report already shown stays while the next one loads, so charts do not blink.
 */
export function useReport(runId: string | null, version: string): ReportState {
  const client = useClient();
  const [answer, setAnswer] = useState<{ readonly runId: string; readonly state: ReportState } | null>(null);

  useEffect(() => {
    if (runId === null) return undefined;
    let live = true;
    void client.invoke('eval.report', { runId }).then((result) => {
      if (!live) return;
      setAnswer({
        runId,
        state: result.ok ? { status: 'ready', report: result.value } : { status: 'failed', error: result.error },
      });
    });
    return () => {
      live = false;
    };
  }, [client, runId, version]);

  return answer && answer.runId === runId ? answer.state : { status: 'loading' };
}
