import { useEffect, useState } from 'react';

import type { ExploreReport, ResultError } from '../../../../shared';
import { useClient } from '../../app/connection-context';

export type ReportState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly report: ExploreReport }
  | { readonly status: 'failed'; readonly error: ResultError };

/** `explore.report` for the shown job, fetched again when `version` changes (the job's state moved on). */
export function useExploreReport(jobId: string | null, version: string): ReportState {
  const client = useClient();
  const [answer, setAnswer] = useState<{ readonly key: string; readonly state: ReportState } | null>(null);

  useEffect(() => {
    if (jobId === null) return undefined;
    let live = true;
    void client.invoke('explore.report', { jobId }).then((result) => {
      if (!live) return;
      setAnswer({
        key: version,
        state: result.ok ? { status: 'ready', report: result.value } : { status: 'failed', error: result.error },
      });
    });
    return () => {
      live = false;
    };
  }, [client, jobId, version]);

  // The previous report of the same job stays while the next loads (no blink); another job's does not.
  if (!answer || jobId === null || !answer.key.startsWith(`${jobId}:`)) return { status: 'loading' };
  return answer.state;
}
