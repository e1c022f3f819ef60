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
  readonly pending: string | null;
}

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
  const [pending, setPending] = useState<string | null>(null);

  const cancel = useCallback(
    async (jobId: string) => {
      setPending(jobId);
      setRefusal(null);
      const answer = await client.invoke('explore.cancel', { jobId });
      setPending(null);
      if (!answer.ok) setRefusal(answer.error);
    },
    [client],
  );

  return { jobs: summaries, reload, put, cancel, refusal, pending };
}
