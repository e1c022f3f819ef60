import { useCallback, useState } from 'react';

import type { ExploreJobSummary, ResultError } from '../../../../shared';
import { useClient } from '../../app/connection-context';
import type { Loadable } from '../../hooks/loadable';
import { useLiveSummaries, type LiveSource } from '../../hooks/use-live-summaries';
import { jobList, mergeSaved, withJob } from './job-list';

export interface ExploreJobs {
  /** Newest first, with live progress merged in. */
  readonly jobs: Loadable<readonly ExploreJobSummary[]>;
  readonly reload: () => void;
  /** Records a summary a command answered with (a job just started). */
  readonly put: (summary: ExploreJobSummary) => void;
  readonly cancel: (jobId: string) => Promise<void>;
  /** The last refused cancel, until the next one. */
  readonly refusal: ResultError | null;
  /** Jobs asked to cancel: the command in flight, or accepted (a row offers Cancel only while its job runs). */
  readonly pending: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

const JOBS: LiveSource<'explore.progress'> = {
  load: async (client) => {
    const answer = await client.invoke('explore.jobs', {});
    return answer.ok ? { ok: true, value: answer.value.jobs } : answer;
  },
  event: 'explore.progress',
  put: withJob,
  merge: mergeSaved,
  list: jobList,
};

/**
 * `explore.jobs` once (and again when the engine restarts), then every `explore.progress` event on top,
 * keeping the summary with the highest revision: answers and events race.
 */
export function useExploreJobs(): ExploreJobs {
  const client = useClient();
  const { summaries, reload, put } = useLiveSummaries(JOBS);
  const [refusal, setRefusal] = useState<ResultError | null>(null);
  const [pending, setPending] = useState<ReadonlySet<string>>(NONE);

  const cancel = useCallback(
    async (jobId: string) => {
      setPending((ids) => new Set(ids).add(jobId));
      setRefusal(null);
      const answer = await client.invoke('explore.cancel', { jobId });
      // Accepted, the job stops at its next check and its last event removes the button; refused, or
      // ended already (nothing to cancel), the button is as it was.
      if (answer.ok && answer.value.cancelled) return;
      setPending((ids) => {
        const rest = new Set(ids);
        rest.delete(jobId);
        return rest;
      });
      if (!answer.ok) setRefusal(answer.error);
    },
    [client],
  );

  return { jobs: summaries, reload, put, cancel, refusal, pending };
}
